"""Session 67 (helper G2): two hamlets the 2024 plan renamed for December, both named back by
the 2025 plan, which merges a third into one of them at the turn, one household of that one
moved to the other at the review (the shape of the `--renames --turn` oracle's seed 2876 that
`tests/test_session67_g_named_back_merged_turn.py` does not take: there the other hamlet keeps
its name).

The small commune (tests.commune). November 2024: Nà Mòn sends NM1-NM3 poor, NM4, NM5
near-poor; Bản Cọ BC1, BC2 poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor and DK3, DK9,
DK11 poor, DK10 near-poor (new in November). December: the 2024 plan revised names Bản Cọ 'Bản
Cọ Trên' and Đồng Kè 'Đồng Kè Mới', every list as November's. The 2025 plan has Bản Cọ and Đồng
Kè (their first names), Nà Mòn merged into Đồng Kè (250 households, 6 poor, 4 near-poor); its
start list has Nà Mòn's households under Đồng Kè renumbered DK4-DK8 (NM1 -> DK4, ...), DK1, DK2,
DK9-DK11 under Đồng Kè and DK3 under Bản Cọ (it moved there). January 2025: Bản Cọ lists BC1-BC3
and DK3; Đồng Kè (its Thôn/Xóm cell in decomposed Unicode, NFD) DK4-DK8, DK1, DK2, DK9-DK11.

By hand, January. Đồng Kè's month table, beside December's lists of Nà Mòn and of 'Đồng Kè Mới'
(both its own now): poor 7 (NM1-NM3, DK1, DK3, DK9, DK11), moved out 1 (DK3, 'Chuyển sang Bản
Cọ'), 6; near-poor 4 (NM4, NM5, DK2, DK10) to 4. Bản Cọ's, beside 'Bản Cọ Trên''s: poor 2, moved
in 1 (DK3, 'Chuyển đến từ Đồng Kè'), 3; near-poor 1 to 1. Their year tables, beside the 2025
start list: Đồng Kè poor 6 to 6, near-poor 4 to 4; Bản Cọ 3 to 3, 1 to 1. The commune: poor 9
to 9, near-poor 5 to 5 in both (December's lists end at 9 and 5).
Main before session 67's G2 took Nà Mòn alone as renamed to Đồng Kè (all its households there)
and 'Bản Cọ Trên' to Bản Cọ, 'Đồng Kè Mới' as neither renamed nor merged (one of its six
households under Bản Cọ, a new name too: no rename; no hamlet kept: no merger): Đồng Kè's month
table poor 3, moved in 3 (DK1, DK9, DK11), 6 and near-poor 2, moved in 2, 4; Bản Cọ's poor 2,
moved in 1, 3; the commune's month poor 5 at the start, four fewer than December's lists."""

from __future__ import annotations

import unicodedata

from pipeline.template import write_plan_workbook
from tests.commune import (
    PLAN_INFO,
    new_commune,
    person,
    plan_hamlets,
    start_list,
    write_renamed_plan,
)
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session65_h2_renamed_silent_turn import SIZES, by_name, not_zero, run_month

RENUMBERED = {f"NM{i}": f"DK{i + 3}" for i in range(1, 6)}  # Nà Mòn's codes on the 2025 start list
NFD = unicodedata.normalize("NFD", "Đồng Kè")
DECEMBER = {"Bản Cọ": "Bản Cọ Trên", "Đồng Kè": "Đồng Kè Mới"}


def _dk_2024() -> list[dict]:
    more = [("DK3", "poor"), ("DK9", "poor"), ("DK10", "near_poor"), ("DK11", "poor")]
    return [*dk_rows(), *(person(code, kind) for code, kind in more)]


def _na_mon_2025() -> list[dict]:
    return [dict(r, ma_ho=RENUMBERED[r["ma_ho"]]) for r in na_mon_rows()]


def _plan_2025(folder) -> None:
    hamlets = []
    for h in plan_hamlets():
        if h["hamlet"] == "Đồng Kè":
            h = dict(h, start_households=250, start_poor=6, start_near_poor=4)
        if h["hamlet"] == "Bản Cọ":
            h = dict(h, start_poor=3)
        if h["hamlet"] != "Nà Mòn":
            hamlets.append(h)
    start = [dict(r, hamlet="Đồng Kè") for r in _na_mon_2025()]
    start += [r for r in start_list() if r["hamlet"] != "Nà Mòn"]
    for row in _dk_2024()[2:]:
        start.append(dict(row, hamlet="Bản Cọ" if row["ma_ho"] == "DK3" else "Đồng Kè"))
    for stt, row in enumerate(start, start=1):
        row["stt"] = stt
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025},
                        hamlets, start)  # fmt: skip


def _tables(item: dict) -> dict:
    return {(scope, kind): not_zero(item[scope][kind])
            for scope in ("movements_month", "movements") for kind in ("poor", "near_poor")}  # fmt: skip


def test_two_hamlets_named_back_one_merged_into_at_the_turn_are_their_december_lists(
    tmp_path, monkeypatch
):
    monkeypatch.setitem(SIZES, "Đồng Kè Mới", 150)
    monkeypatch.setitem(SIZES, NFD, 250)
    folder, out = new_commune(tmp_path)
    run_month(folder, out, "2024-11", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(),
                                       "Đồng Kè": _dk_2024()})  # fmt: skip
    write_renamed_plan(folder, DECEMBER)
    run_month(folder, out, "2024-12", {"Nà Mòn": na_mon_rows(), "Bản Cọ Trên": bc_rows(),
                                       "Đồng Kè Mới": _dk_2024()})  # fmt: skip
    _plan_2025(folder)
    summary = run_month(folder, out, "2025-01", {
        "Bản Cọ": [*bc_rows(), person("DK3", "poor")],
        NFD: [*_na_mon_2025(), *(r for r in _dk_2024() if r["ma_ho"] != "DK3")]})  # fmt: skip
    hamlets = by_name(summary)
    assert list(hamlets) == ["Bản Cọ", "Đồng Kè"]
    assert _tables(hamlets["Đồng Kè"]) == {
        ("movements_month", "poor"): {"start": 7, "moved_out": 1, "end": 6},
        ("movements_month", "near_poor"): {"start": 4, "end": 4},
        ("movements", "poor"): {"start": 6, "end": 6},
        ("movements", "near_poor"): {"start": 4, "end": 4},
    }
    assert _tables(hamlets["Bản Cọ"]) == {
        ("movements_month", "poor"): {"start": 2, "moved_in": 1, "end": 3},
        ("movements_month", "near_poor"): {"start": 1, "end": 1},
        ("movements", "poor"): {"start": 3, "end": 3},
        ("movements", "near_poor"): {"start": 1, "end": 1},
    }
    totals = _tables(summary["totals"])
    assert [(t["start"], t["end"]) for t in totals.values()] == [(9, 9), (5, 5), (9, 9), (5, 5)]
    assert listed_movements(out, "2025-01") == [
        ("Bản Cọ", "DK3", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
        ("Đồng Kè", "DK3", "Chuyển sang Bản Cọ", "So với tháng trước"),
    ]
