"""Session 67 (helper G): a hamlet the 2024 plan renamed during the year, named back by the 2025
plan, which also merges another hamlet into it at the turn, one of its households moved to a
third hamlet at the review (the `--renames --turn` oracle's seed 2876, reduced): both hamlets'
December lists are its January baseline.

The small commune (tests.commune). November 2024: Nà Mòn sends NM1-NM3 poor, NM4, NM5
near-poor; Bản Cọ BC1, BC2 poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor and DK3 poor
(new in November). December: the 2024 plan revised names Đồng Kè ``december`` ('Đồng Kè Mới';
or 'Đồng Kè' kept: the twin), every list as November's. The 2025 plan has Bản Cọ and Đồng Kè
(the 2024 plan's first name), Nà Mòn merged into Đồng Kè (250 households, 4 poor, 3
near-poor); its start list has Nà Mòn's households under Đồng Kè renumbered DK4-DK8 (NM1 ->
DK4, ...), DK1, DK2 under Đồng Kè and DK3 under Bản Cọ (it moved there). January 2025: Bản Cọ
lists BC1-BC3 and DK3; Đồng Kè (its Thôn/Xóm cell in decomposed Unicode, NFD) DK4-DK8, DK1,
DK2.

By hand, January. Đồng Kè's month table, beside December's lists of Nà Mòn and of the hamlet
under ``december`` (both its own now): poor 5 (NM1-NM3, DK1, DK3), moved out 1 (DK3, 'Chuyển
sang Bản Cọ'), 4; near-poor 3 (NM4, NM5, DK2) to 3. Bản Cọ's: poor 2, moved in 1 (DK3,
'Chuyển đến từ Đồng Kè'), 3; near-poor 1 to 1. Their year tables, beside the 2025 start list
(DK3 on Bản Cọ's): Đồng Kè poor 4 to 4, near-poor 3 to 3; Bản Cọ 3 to 3, 1 to 1; no household
moved. The commune: poor 7 to 7, near-poor 4 to 4 (December's lists end at 7 and 4).
Main at 19a98c63 (the named-back case; fixed by session 67's G2): 'Đồng Kè Mới' is taken as
merged into Bản Cọ (one of its three households on Bản Cọ's start list), and Nà Mòn as
neither renamed nor merged; Bản Cọ's month table poor 4, moved out 1, 3 and near-poor 2,
moved out 1, 1 (DK1, DK2 'Chuyển sang Đồng Kè', DK3 in its baseline), Đồng Kè's poor 4 to 4,
near-poor 3 to 3, nothing moved in; the commune's month table poor 8, moved out 1, 7 and
near-poor 5, moved out 1, 4, one more at the start than December's lists hold. The seed
itself (Khuôn Lăn kept, Bản Cọ renamed and named back too, none of Tân Kè's households on a
third hamlet's list but some off the start list) took Nà Mòn as renamed to Đồng Kè and Tân
Kè (the December name) as neither: Đồng Kè's poor start 13 where the oracle says 19, Tân
Kè's six poor 'moved in'. The kept twin passes."""

from __future__ import annotations

import unicodedata

import pytest

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


def _dk_2024() -> list[dict]:
    return [*dk_rows(), person("DK3", "poor")]


def _na_mon_2025() -> list[dict]:
    return [dict(r, ma_ho=RENUMBERED[r["ma_ho"]]) for r in na_mon_rows()]


def _plan_2025(folder) -> None:
    hamlets = []
    for h in plan_hamlets():
        if h["hamlet"] == "Đồng Kè":
            h = dict(h, start_households=250, start_poor=4, start_near_poor=3)
        if h["hamlet"] == "Bản Cọ":
            h = dict(h, start_poor=3)
        if h["hamlet"] != "Nà Mòn":
            hamlets.append(h)
    start = [dict(r, hamlet="Đồng Kè") for r in _na_mon_2025()]
    start += [r for r in start_list() if r["hamlet"] != "Nà Mòn"]
    start.append(dict(person("DK3", "poor"), hamlet="Bản Cọ"))
    for stt, row in enumerate(start, start=1):
        row["stt"] = stt
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025},
                        hamlets, start)  # fmt: skip


def _tables(item: dict) -> dict:
    return {(scope, kind): not_zero(item[scope][kind])
            for scope in ("movements_month", "movements") for kind in ("poor", "near_poor")}  # fmt: skip


@pytest.mark.parametrize(
    "december",
    ["Đồng Kè", "Đồng Kè Mới"],
    ids=["kept", "named-back"],
)
def test_a_hamlet_named_back_and_merged_into_at_the_turn_is_both_december_lists(
    tmp_path, monkeypatch, december
):
    monkeypatch.setitem(SIZES, "Đồng Kè Mới", 150)
    monkeypatch.setitem(SIZES, NFD, 250)
    folder, out = new_commune(tmp_path)
    run_month(folder, out, "2024-11", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(),
                                       "Đồng Kè": _dk_2024()})  # fmt: skip
    if december != "Đồng Kè":
        write_renamed_plan(folder, {"Đồng Kè": december})
    run_month(folder, out, "2024-12", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(),
                                       december: _dk_2024()})  # fmt: skip
    _plan_2025(folder)
    summary = run_month(folder, out, "2025-01", {
        "Bản Cọ": [*bc_rows(), person("DK3", "poor")], NFD: [*_na_mon_2025(), *dk_rows()]})  # fmt: skip
    hamlets = by_name(summary)
    assert list(hamlets) == ["Bản Cọ", "Đồng Kè"]
    assert _tables(hamlets["Đồng Kè"]) == {
        ("movements_month", "poor"): {"start": 5, "moved_out": 1, "end": 4},
        ("movements_month", "near_poor"): {"start": 3, "end": 3},
        ("movements", "poor"): {"start": 4, "end": 4},
        ("movements", "near_poor"): {"start": 3, "end": 3},
    }
    assert _tables(hamlets["Bản Cọ"]) == {
        ("movements_month", "poor"): {"start": 2, "moved_in": 1, "end": 3},
        ("movements_month", "near_poor"): {"start": 1, "end": 1},
        ("movements", "poor"): {"start": 3, "end": 3},
        ("movements", "near_poor"): {"start": 1, "end": 1},
    }
    totals = _tables(summary["totals"])
    assert [(t["start"], t["end"]) for t in totals.values()] == [(7, 7), (4, 4), (7, 7), (4, 4)]
    assert listed_movements(out, "2025-01") == [
        ("Bản Cọ", "DK3", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
        ("Đồng Kè", "DK3", "Chuyển sang Bản Cọ", "So với tháng trước"),
    ]
