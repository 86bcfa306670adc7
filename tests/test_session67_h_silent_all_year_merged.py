"""Session 67 (helper H): session 58 H's Left (c). A plan revised without a start list drops
Bản Cọ, a hamlet silent all year (no list of it stored, only the year's kept start list): its
households on another hamlet's list are merged there by the lists alone (renames.lists_alone's
share: all but one, three at least), their latest list the kept start list, in the month's
table and the year's alike; not "Phát sinh mới".

Session 56 M's households (tests.test_session56_m_small_merger). The 2024 plan's start list:
Nà Mòn An 001, Cường 003 poor, Bình 002 near-poor; Bản Cọ Dung 004, Em 005, Tám 010 poor,
Phương 006 near-poor; Đồng Kè Giang 007 poor, Hải 008 near-poor. April (the year's first
stored month): Bản Cọ sends nothing. May's plan, without a start list, drops Bản Cọ (its
hamlet sheet counts Nà Mòn's start 5 poor and 2 near-poor, as May's lists).

Worked by hand (the eleven columns of 'Biến động': start, to the other list, exited, not
counted, moved out, from the other list, new, returned, moved in, recounted, end):
* all four on Nà Mòn's May list (its 'Xóm' written in NFD): Bản Cọ merged into Nà Mòn; its
  start is April's Nà Mòn and Bản Cọ's kept start rows: poor An, Cường, Dung, Em, Tám 5 to 5,
  near-poor Bình, Phương 2 to 2, both tables; Đồng Kè 1 to 1, 1 to 1; the commune poor 6 to 6,
  near-poor 3 to 3; no household row in 'Biến động'. June, the same lists: the same.
* Dung, Em, Phương on Nà Mòn's list, Tám on Đồng Kè's (3 of 4, all but one): merged into Nà
  Mòn, Tám moved: Nà Mòn poor 5, 1 out, 4, near-poor 2 to 2; Đồng Kè poor 1, 1 in, 2,
  near-poor 1 to 1; the commune poor 6, 1 out, 1 in, 6, near-poor 3 to 3 (both tables, as
  session 57 D's case where Bản Cọ sent April). June: the month tables 4 to 4, 2 to 2 and 2
  to 2, 1 to 1, the year's as May's.
Before: no merger; all four: Nà Mòn poor 2 + 3 new = 5, near-poor 1 + 1 new = 2 (both tables);
3 of 4: Nà Mòn poor 2 + 2 new, Đồng Kè 1 + 1 new; each "Phát sinh mới".
Guard (as before): Dung, Em on Nà Mòn's list, Phương, Tám on Đồng Kè's (2 and 2): no merger,
each "Phát sinh mới" (a split of a hamlet silent all year: not walked, the decision's Left)."""

from __future__ import annotations

import unicodedata
from datetime import date

from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import table
from tests.test_session56_m_small_merger import (
    AN,
    BINH,
    CUONG,
    DUNG,
    EM,
    GIANG,
    HAI,
    PHUONG,
    TAM,
    run_month,
    write_plans,
)
from tests.test_session57_d_small_merger_by_lists import plan_without_start_list

START = {"Nà Mòn": [AN, BINH, CUONG], "Bản Cọ": [DUNG, EM, PHUONG, TAM], "Đồng Kè": [GIANG, HAI]}
APRIL = {"Nà Mòn": [AN, BINH, CUONG], "Đồng Kè": [GIANG, HAI]}
NA_MON_NFD = unicodedata.normalize("NFD", "Nà Mòn")
ALL_FOUR = {NA_MON_NFD: [AN, BINH, CUONG, DUNG, EM, PHUONG, TAM], "Đồng Kè": [GIANG, HAI]}
THREE = {"Nà Mòn": [AN, BINH, CUONG, DUNG, EM, PHUONG], "Đồng Kè": [GIANG, HAI, TAM]}
SPLIT = {"Nà Mòn": [AN, BINH, CUONG, DUNG, EM], "Đồng Kè": [GIANG, HAI, PHUONG, TAM]}


def run_months(tmp_path, lists: dict, june: bool = True) -> tuple:
    """April under the 2024 plan, May (and June) under the plan revised without a start list,
    both months ``lists``: the JSONs of May and June (None without) and the output folder."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: START})
    run_month(folder, out, "2024-04", APRIL, date(2024, 5, 3))
    plan_without_start_list(folder, 2024, {unicodedata.normalize("NFC", h): rows
                                           for h, rows in lists.items()})  # fmt: skip
    may = run_month(folder, out, "2024-05", lists, date(2024, 6, 3))
    later = run_month(folder, out, "2024-06", lists, date(2024, 7, 3)) if june else None
    return may, later, out


def hamlet_tables(summary: dict, key: str) -> list[tuple]:
    """Each hamlet's (name, merged_from, table) and the commune's table, of ``key``."""
    hamlets = [(h["hamlet"], h.get("merged_from"), table(h[key])) for h in summary["hamlets"]]
    return [*hamlets, ("commune", None, table(summary["totals"][key]))]


def test_a_hamlet_silent_all_year_all_on_one_list_is_merged_in_both_tables(tmp_path):
    may, june, out = run_months(tmp_path, ALL_FOUR)
    still = [
        ("Nà Mòn", ["Bản Cọ"], ((5, *[0] * 9, 5), (2, *[0] * 9, 2))),
        ("Đồng Kè", None, ((1, *[0] * 9, 1), (1, *[0] * 9, 1))),
        ("commune", None, ((6, *[0] * 9, 6), (3, *[0] * 9, 3))),
    ]
    for summary in (may, june):
        for key in ("movements", "movements_month"):
            assert (key, hamlet_tables(summary, key)) == (key, still)
    assert listed_movements(out, "2024-05") == []
    assert listed_movements(out, "2024-06") == []


def test_a_hamlet_silent_all_year_all_but_one_on_one_list_is_merged_one_moved(tmp_path):
    may, june, out = run_months(tmp_path, THREE)
    moved = [
        ("Nà Mòn", ["Bản Cọ"], ((5, 0, 0, 0, 1, 0, 0, 0, 0, 0, 4), (2, *[0] * 9, 2))),
        ("Đồng Kè", None, ((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), (1, *[0] * 9, 1))),
        ("commune", None, ((6, 0, 0, 0, 1, 0, 0, 0, 1, 0, 6), (3, *[0] * 9, 3))),
    ]
    for key in ("movements", "movements_month"):
        assert (key, hamlet_tables(may, key)) == (key, moved)
    assert hamlet_tables(june, "movements") == moved
    assert hamlet_tables(june, "movements_month") == [
        ("Nà Mòn", ["Bản Cọ"], ((4, *[0] * 9, 4), (2, *[0] * 9, 2))),
        ("Đồng Kè", None, ((2, *[0] * 9, 2), (1, *[0] * 9, 1))),
        ("commune", None, ((6, *[0] * 9, 6), (3, *[0] * 9, 3))),
    ]
    assert {row[2] for row in listed_movements(out, "2024-05")} == {
        "Chuyển sang Đồng Kè", "Chuyển đến từ Nà Mòn"}  # fmt: skip


def test_a_hamlet_silent_all_year_split_two_and_two_is_no_merger(tmp_path):
    may, _, out = run_months(tmp_path, SPLIT, june=False)
    assert hamlet_tables(may, "movements_month") == [
        ("Nà Mòn", None, ((2, 0, 0, 0, 0, 0, 2, 0, 0, 0, 4), (1, *[0] * 9, 1))),
        ("Đồng Kè", None, ((1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2), (1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2))),
        ("commune", None, ((3, 0, 0, 0, 0, 0, 3, 0, 0, 0, 6), (2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 3))),
    ]
    assert {row[2] for row in listed_movements(out, "2024-05")} == {"Phát sinh mới"}
