"""Session 66 (helper C): a household out of the lists since 2024, back in 2025 in a hamlet the
2025 plan names otherwise than the 2024 plan's start list did, is returned (tái nghèo), as
in a hamlet whose name never changed (CONTRACT §4.3: `returned`, households that had exited
earlier, known from history; the `--renames --turn` oracle's seed 2623, reduced by session 65,
H2: tests/test_session65_h2_renamed_silent_turn.py, whose named-back case this makes pass).

The small commune (tests.commune): Bản Cọ's 2024 start list BC1, BC2 poor, BC3 near-poor.
November 2024: Bản Cọ's list lacks BC1 (it left the lists then). December: its list as
November's, under the 2024 plan's name for the hamlet then (``december``). The 2025 plan names
the hamlet ``now``, its start list without BC1. January 2025: its list as December's (the
rename found and told: 'renamed_from' the December name). February: BC1 poor on it again,
the list's Thôn/Xóm cell in decomposed Unicode (NFD).
* the turn's rename: 'Bản Cọ' all of 2024, 'Bản Cọ Trên' in 2025;
* renamed twice: 'Bản Cọ Trên' from December 2024 (the 2024 plan renamed), 'Bản Cọ Mới' in
  2025.

By hand, February: the hamlet's month table (beside January's list: BC2 poor; BC3
near-poor) poor start 1, new 1 of which returned 1 (BC1, out of the lists since November 2024:
'Tái nghèo'), end 2; its year table (beside the 2025 start list: BC2 alone poor) the same;
near-poor 1 to 1 in both. The commune's poor (NM1-NM3, BC2, DK1): start 5, new 1 of which
returned 1, end 6, in both tables. Before the fix both tables read
'Phát sinh mới' (new 1, returned 0): the 2024 start list the history keeps ('2024-00') stayed
under the 2024 names while the year's months were walked under the names now, so no month
after it had BC1's hamlet report without it."""

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


@pytest.mark.parametrize(("december", "now"), [("Bản Cọ", "Bản Cọ Trên"),
                                               ("Bản Cọ Trên", "Bản Cọ Mới")],
                         ids=["renamed-at-the-turn", "renamed-twice"])  # fmt: skip
def test_back_in_february_in_a_hamlet_renamed_since_its_2024_start_list_is_returned(
    tmp_path, monkeypatch, december, now
):
    monkeypatch.setitem(SIZES, "Bản Cọ Mới", 200)
    monkeypatch.setitem(SIZES, unicodedata.normalize("NFD", now), 200)
    folder, out = new_commune(tmp_path)
    others = {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows()}
    ban_co = [r for r in bc_rows() if r["ma_ho"] != "BC1"]
    run_month(folder, out, "2024-11", {**others, "Bản Cọ": ban_co})
    if december != "Bản Cọ":
        write_renamed_plan(folder, {"Bản Cọ": december})
    run_month(folder, out, "2024-12", {**others, december: ban_co})
    hamlets = [dict(h, hamlet=now) if h["hamlet"] == "Bản Cọ" else h for h in plan_hamlets()]
    start = [dict(r, hamlet=now) if r["hamlet"] == "Bản Cọ" else r
             for r in start_list() if r["ma_ho"] != "BC1"]  # fmt: skip
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025},
                        hamlets, start)  # fmt: skip
    january = run_month(folder, out, "2025-01", {**others, now: ban_co})
    assert by_name(january)[now]["renamed_from"] == [{"hamlet": december, "period": "2025-01"}]
    nfd = unicodedata.normalize("NFD", now)
    summary = run_month(folder, out, "2025-02", {**others, nfd: [*ban_co, person("BC1", "poor")]})
    hamlet = by_name(summary)[now]
    for scope in ("movements", "movements_month"):
        assert (scope, not_zero(hamlet[scope]["poor"])) == (
            scope, {"start": 1, "new": 1, "returned": 1, "end": 2})  # fmt: skip
        assert (scope, not_zero(hamlet[scope]["near_poor"])) == (
            scope, {"start": 1, "end": 1})  # fmt: skip
        assert (scope, not_zero(summary["totals"][scope]["poor"])) == (
            scope, {"start": 5, "new": 1, "returned": 1, "end": 6})  # fmt: skip
    rows = [r for r in listed_movements(out, "2025-02") if r[1] == "BC1"]
    assert rows == [
        (now, "BC1", "Tái nghèo", "Từ đầu năm"),
        (now, "BC1", "Tái nghèo", "So với tháng trước"),
    ]
