"""Session 60 (helper A2): a household gone from the lists while the hamlet merged into is silent.

Session 60 A's fixture: April Nà Mòn NM1 poor; Bản Cọ BC1, BC2 near-poor; Đồng Kè DK1 poor;
Khuôn Lăn KL1, KL3 poor, KL2 near-poor. May: BC1 moved to Nà Mòn's list, KL2 to Đồng Kè's.
June's revised plan merges Nà Mòn into Đồng Kè and Bản Cọ into Khuôn Lăn renamed 'Lăn Hạ' (the
start list writes NM1, DK1 under Đồng Kè; BC1, BC2, KL1, KL3, KL2 under Lăn Hạ). BC1 is on no
list from June on: it left the lists from Nà Mòn's list, now Đồng Kè's.

(a) A fifth hamlet, Khuổi Hin (KH1 poor), alone sends in June; Đồng Kè and Lăn Hạ both send in
July. Đồng Kè, back after silence, is set beside its latest lists, May's Đồng Kè and Nà Mòn
(merged into it): Nà Mòn's May list is half Đồng Kè's (NM1), half Lăn Hạ's (BC1) on the start
list, BC1 moved into it in May from Bản Cọ, found merged into Lăn Hạ in the same May lists.
Before: BC1 was not seen as moved in (it was never under the name 'Lăn Hạ'), no merger read,
Nà Mòn's April list (NM1 alone) taken for Đồng Kè's: BC1 on neither hamlet's month table.

(b) A's own fixture (Đồng Kè alone sends in June, Lăn Hạ alone in July): June's Đồng Kè list,
sent under the merged plan (no Nà Mòn any more), left BC1 off, and its month table told it
gone. In July, Đồng Kè silent, BC1 is no longer "where it was last seen" (Nà Mòn's May list):
the list of the whole hamlet after it left it off (session 54: its exit stands). Before: a
merged hamlet's parts' lists were each their own, June's Đồng Kè list left off none of Nà
Mòn's: BC1 moved out of Lăn Hạ in July's year table, its leaving the lists in no year table."""

from __future__ import annotations

from datetime import date

from tests.commune import person
from tests.test_session56_b_turn_moved import table
from tests.test_session59_h2_renamed_then_merged_into import run_month_lists, write_plan_2024

NM1, DK1 = person("NM1", "poor"), person("DK1", "poor")
BC1, BC2 = person("BC1", "near_poor"), person("BC2", "near_poor")
KL1, KL3, KL2 = person("KL1", "poor"), person("KL3", "poor"), person("KL2", "near_poor")
KH1 = person("KH1", "poor")


def _by_name(summary: dict) -> dict[str, dict]:
    return {h["hamlet"]: h for h in summary["hamlets"]}


def merged_june(tmp_path):
    """A's months to June (session 60): April's four hamlets (Nà Mòn NM1; Bản Cọ BC1, BC2; Đồng
    Kè DK1; Khuôn Lăn KL1, KL3, KL2), May BC1 on Nà Mòn's list and KL2 on Đồng Kè's, June's plan
    merging Nà Mòn into Đồng Kè and Bản Cọ into Khuôn Lăn renamed 'Lăn Hạ', Đồng Kè alone sending
    NM1, DK1, KL2. The input folder, the output folder and June's summary."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    start = {"Nà Mòn": [NM1], "Bản Cọ": [BC1, BC2], "Đồng Kè": [DK1], "Khuôn Lăn": [KL1, KL3, KL2]}
    write_plan_2024(folder, start)
    run_month_lists(folder, out, "2024-04", start, date(2024, 5, 3))
    may = {"Nà Mòn": [NM1, BC1], "Bản Cọ": [BC2], "Đồng Kè": [DK1, KL2], "Khuôn Lăn": [KL1, KL3]}
    run_month_lists(folder, out, "2024-05", may, date(2024, 6, 3))
    write_plan_2024(folder, {"Đồng Kè": [NM1, DK1], "Lăn Hạ": [BC1, BC2, KL1, KL3, KL2]})
    june = run_month_lists(folder, out, "2024-06", {"Đồng Kè": [NM1, DK1, KL2]}, date(2024, 7, 3))
    return folder, out, june


def test_back_after_silence_the_merged_hamlet_tells_the_household_gone_from_its_part(tmp_path):
    """Worked by hand, July (June: Khuổi Hin alone). Đồng Kè beside May's Đồng Kè (DK1 poor,
    KL2 near-poor) and Nà Mòn (NM1 poor, BC1 near-poor) lists, now NM1, DK1, KL2: poor 2 to 2;
    near-poor 2, BC1 gone from the lists (col. 3) 1, 1. Lăn Hạ beside May's Khuôn Lăn (KL1, KL3)
    and Bản Cọ (BC2), now BC2, KL1, KL3: poor 2 to 2, near-poor 1 to 1. Khuổi Hin poor 1 to 1.
    The commune's month table: poor 5 to 5; near-poor 3 (May's end), gone 1, 2. The year's
    tables against June's start list: Đồng Kè poor 2 to 2, near-poor 0, KL2 moved in, 1; Lăn Hạ
    poor 2 to 2, near-poor 3 (BC1, BC2, KL2), BC1 gone 1, KL2 moved out 1, 1; the commune's
    poor 5 to 5, near-poor 3, gone 1, moved out 1, moved in 1, 2. One household, one leaving:
    col. 3 of both commune tables. Before: Đồng Kè's near-poor 1 to 1, the commune's 2 to 2."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    start = {"Nà Mòn": [NM1], "Bản Cọ": [BC1, BC2], "Đồng Kè": [DK1],
             "Khuôn Lăn": [KL1, KL3, KL2], "Khuổi Hin": [KH1]}  # fmt: skip
    write_plan_2024(folder, start)
    run_month_lists(folder, out, "2024-04", start, date(2024, 5, 3))
    may = {"Nà Mòn": [NM1, BC1], "Bản Cọ": [BC2], "Đồng Kè": [DK1, KL2],
           "Khuôn Lăn": [KL1, KL3], "Khuổi Hin": [KH1]}  # fmt: skip
    run_month_lists(folder, out, "2024-05", may, date(2024, 6, 3))
    write_plan_2024(folder, {"Đồng Kè": [NM1, DK1], "Lăn Hạ": [BC1, BC2, KL1, KL3, KL2],
                             "Khuổi Hin": [KH1]})  # fmt: skip
    june = run_month_lists(folder, out, "2024-06", {"Khuổi Hin": [KH1]}, date(2024, 7, 3))
    assert [(h["hamlet"], h["status"]) for h in june["hamlets"]] == [
        ("Đồng Kè", "missing"), ("Lăn Hạ", "missing"), ("Khuổi Hin", "ok")
    ]  # fmt: skip
    july = {"Lăn Hạ": [BC2, KL1, KL3], "Đồng Kè": [NM1, DK1, KL2], "Khuổi Hin": [KH1]}
    summary = run_month_lists(folder, out, "2024-07", july, date(2024, 8, 3))
    hamlets = _by_name(summary)
    assert hamlets["Đồng Kè"]["merged_from"] == ["Nà Mòn"]
    assert hamlets["Lăn Hạ"]["merged_from"] == ["Bản Cọ"]
    same = (*[0] * 9,)
    assert table(hamlets["Đồng Kè"]["movements_month"]) == ((2, *same, 2), (2, 0, 1, *[0] * 7, 1))
    assert table(hamlets["Lăn Hạ"]["movements_month"]) == ((2, *same, 2), (1, *same, 1))
    assert table(hamlets["Khuổi Hin"]["movements_month"]) == ((1, *same, 1), (0, *same, 0))
    assert table(summary["totals"]["movements_month"]) == ((5, *same, 5), (3, 0, 1, *[0] * 7, 2))
    assert table(hamlets["Đồng Kè"]["movements"]) == ((2, *same, 2), (0, *[0] * 7, 1, 0, 1))
    assert table(hamlets["Lăn Hạ"]["movements"]) == ((2, *same, 2), (3, 0, 1, 0, 1, *[0] * 5, 1))
    assert table(summary["totals"]["movements"]) == (
        (5, *same, 5), (3, 0, 1, 0, 1, 0, 0, 0, 1, 0, 2)
    )  # fmt: skip


def test_the_merged_hamlets_later_list_left_the_household_off_while_it_is_silent(tmp_path):
    """Worked by hand, A's fixture. June: Đồng Kè (NM1, DK1, KL2) alone, its month table BC1
    gone 1 (session 60, A). July: Lăn Hạ (BC2, KL1, KL3) alone, Đồng Kè silent. Lăn Hạ's year
    table against June's start list: poor KL1, KL3 2 to 2; near-poor BC1, BC2, KL2 3: BC1 on
    no list (June's Đồng Kè list left it off: it has left the lists, as in (a) where Đồng Kè
    sends) gone 1; KL2 still where last seen, Đồng Kè's June list: moved out 1; 1 (BC2). The
    commune's year table is Lăn Hạ's (Đồng Kè silent). Its month table: beside May's Khuôn Lăn
    and Bản Cọ lists, poor 2 to 2, near-poor 1 to 1. Before: near-poor 3, 2 moved out (BC1 as
    still in the silent Đồng Kè, where June's list had left it off), 1."""
    folder, out, june = merged_june(tmp_path)
    assert table(june["totals"]["movements_month"]) == ((2, *[0] * 9, 2), (2, 0, 1, *[0] * 7, 1))
    summary = run_month_lists(folder, out, "2024-07", {"Lăn Hạ": [BC2, KL1, KL3]},
                              date(2024, 8, 3))  # fmt: skip
    assert [(h["hamlet"], h["status"]) for h in summary["hamlets"]] == [
        ("Đồng Kè", "missing"), ("Lăn Hạ", "ok")
    ]  # fmt: skip
    hamlet = _by_name(summary)["Lăn Hạ"]
    month = ((2, *[0] * 9, 2), (1, *[0] * 9, 1))
    year = ((2, *[0] * 9, 2), (3, 0, 1, 0, 1, *[0] * 5, 1))
    assert table(hamlet["movements_month"]) == month
    assert table(summary["totals"]["movements_month"]) == month
    assert table(hamlet["movements"]) == year
    assert table(summary["totals"]["movements"]) == year
