"""Session 66 (helper B): a hamlet the 2025 plan renames, silent in January, is read as one that
sent December and nothing now: December's list is its January baseline under the name now (the
`--renames --turn` oracle's seed 2614; session 65 H2's strict xfail, reduced).

The small commune (tests.commune). December 2024: Nà Mòn sends NM1-NM3 poor, NM4, NM5
near-poor; Bản Cọ BC1, BC2 poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. The 2025 plan
names Nà Mòn 'Nà Mòn Mới' (``renamed``; its start rows' hamlet written decomposed, NFD, as a
head's keyboard may) or keeps 'Nà Mòn'; its start list is the 2024 one there without NM5
(dropped at the review) and with NM9 near-poor (added at the review). January 2025: Nà Mòn's
hamlet sends nothing; Bản Cọ's list writes its own rows, NM9 and NM5 near-poor; Đồng Kè's its own.

By hand, January. Bản Cọ's month table, beside December's lists (the commune's, under the names
now: NM5 on Nà Mòn's, NM9 on none): poor 2 to 2; near-poor 1, new 1 (NM9, 'Phát sinh mới'),
moved in 1 (NM5, 'Chuyển đến từ <name now>'), 3. Its year table, beside the 2025 start list
(NM9 under the hamlet's name now, NM5 on none, on a 2024 list): near-poor 1, new 1 of which
returned 1 (NM5, 'Tái cận nghèo'), moved in 1 (NM9, 'Chuyển đến từ <name now>'), 3. Nà Mòn's
hamlet: 'missing', no table. The commune's month table (Bản Cọ and Đồng Kè): poor 3 to 3;
near-poor 2, new 1, moved in 1, 4; its year table near-poor 2, new 1, returned 1, moved in 1, 4.
The renamed hamlet says its rename with January, as where it sends ('renamed_from': Nà Mòn,
2025-01). Before the fix the renamed run gave Bản Cọ's month near-poor moved in 2, new 0 (NM9
'Chuyển đến từ Nà Mòn Mới', read off the start list as the silent hamlet's December state) and
NM5 'Chuyển đến từ Nà Mòn', a name the plan lacks, beside it: one hamlet under two names.

February: Nà Mòn's hamlet sends NM1-NM3 poor; Bản Cọ and Đồng Kè as in January. Its month table,
beside its latest list of the year, the start list (silent in January): near-poor 2, exited 1
(NM4), moved out 1 (NM9, 'Chuyển sang Bản Cọ'); the year's alike; the rename still said."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

import pytest

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets, start_list, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements

SIZES = {"Nà Mòn": 100, "Nà Mòn Mới": 100, "Bản Cọ": 200, "Đồng Kè": 150}


def _not_zero(table: dict) -> dict:
    return {k: v for k, v in table.items() if v}


def _tables(item: dict) -> dict:
    return {(scope, kind): _not_zero(item[scope][kind])
            for scope in ("movements_month", "movements") for kind in ("poor", "near_poor")}  # fmt: skip


def _run(folder, out, period: str, lists: dict) -> dict:
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    year, month = int(period[:4]), int(period[5:])
    prepared = date(year + (month == 12), month % 12 + 1, 3)
    for n, (hamlet, rows) in enumerate(lists.items()):
        write_roster(folder, f"DS_{n}_{period}.xlsx", hamlet, SIZES[hamlet], rows, period, prepared)
    execute(folder, out, period)
    return json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))


def _ban_co_now() -> list[dict]:
    return [*bc_rows(), person("NM9", "near_poor"), person("NM5", "near_poor")]


def _january(tmp_path, renamed: bool) -> tuple[dict, object, object, str]:
    folder, out = new_commune(tmp_path)
    _run(folder, out, "2024-12", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(),
                                  "Đồng Kè": dk_rows()})  # fmt: skip
    name = "Nà Mòn Mới" if renamed else "Nà Mòn"
    written = unicodedata.normalize("NFD", name)
    hamlets = [dict(h, hamlet=name) if h["hamlet"] == "Nà Mòn" else h for h in plan_hamlets()]
    start = [dict(r, hamlet=written) if r["hamlet"] == "Nà Mòn" else r
             for r in start_list() if r["ma_ho"] != "NM5"]  # fmt: skip
    start.append(dict(person("NM9", "near_poor"), hamlet=written))
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025},
                        hamlets, start)  # fmt: skip
    summary = _run(folder, out, "2025-01", {"Bản Cọ": _ban_co_now(), "Đồng Kè": dk_rows()})
    return summary, folder, out, name


@pytest.mark.parametrize("renamed", [False, True], ids=["kept", "renamed"])
def test_a_hamlet_renamed_at_the_turn_silent_in_january_is_its_december_list(tmp_path, renamed):
    summary, _, out, name = _january(tmp_path, renamed)
    hamlets = {h["hamlet"]: h for h in summary["hamlets"]}
    assert list(hamlets) == [name, "Bản Cọ", "Đồng Kè"]
    assert hamlets[name]["status"] == "missing"
    assert _tables(hamlets["Bản Cọ"]) == {
        ("movements_month", "poor"): {"start": 2, "end": 2},
        ("movements_month", "near_poor"): {"start": 1, "new": 1, "moved_in": 1, "end": 3},
        ("movements", "poor"): {"start": 2, "end": 2},
        ("movements", "near_poor"): {"start": 1, "new": 1, "returned": 1, "moved_in": 1,
                                     "end": 3},
    }  # fmt: skip
    assert _tables(summary["totals"]) == {
        ("movements_month", "poor"): {"start": 3, "end": 3},
        ("movements_month", "near_poor"): {"start": 2, "new": 1, "moved_in": 1, "end": 4},
        ("movements", "poor"): {"start": 3, "end": 3},
        ("movements", "near_poor"): {"start": 2, "new": 1, "returned": 1, "moved_in": 1,
                                     "end": 4},
    }  # fmt: skip
    assert listed_movements(out, "2025-01") == [
        ("Bản Cọ", "NM5", "Tái cận nghèo", "Từ đầu năm"),
        ("Bản Cọ", "NM9", f"Chuyển đến từ {name}", "Từ đầu năm"),
        ("Bản Cọ", "NM9", "Phát sinh mới", "So với tháng trước"),
        ("Bản Cọ", "NM5", f"Chuyển đến từ {name}", "So với tháng trước"),
    ]
    said = [{"hamlet": "Nà Mòn", "period": "2025-01"}] if renamed else None
    assert hamlets[name].get("renamed_from") == said


@pytest.mark.parametrize("renamed", [False, True], ids=["kept", "renamed"])
def test_the_renamed_hamlet_back_in_february_compares_with_its_start_list(tmp_path, renamed):
    _, folder, out, name = _january(tmp_path, renamed)
    summary = _run(folder, out, "2025-02", {name: na_mon_rows()[:3], "Bản Cọ": _ban_co_now(),
                                            "Đồng Kè": dk_rows()})  # fmt: skip
    hamlets = {h["hamlet"]: h for h in summary["hamlets"]}
    said = [{"hamlet": "Nà Mòn", "period": "2025-01"}] if renamed else None
    assert hamlets[name].get("renamed_from") == said
    table = {"start": 2, "exited": 1, "moved_out": 1}
    assert _tables(hamlets[name]) == {
        ("movements_month", "poor"): {"start": 3, "end": 3},
        ("movements_month", "near_poor"): table,
        ("movements", "poor"): {"start": 3, "end": 3},
        ("movements", "near_poor"): table,
    }
    rows = [r for r in listed_movements(out, "2025-02") if r[0] == name]
    assert rows == [
        (name, "NM4", "Không còn trong danh sách (đề nghị xác nhận)", "Từ đầu năm"),
        (name, "NM9", "Chuyển sang Bản Cọ", "Từ đầu năm"),
        (name, "NM4", "Không còn trong danh sách (đề nghị xác nhận)", "So với danh sách đầu năm"),
        (name, "NM9", "Chuyển sang Bản Cọ", "So với danh sách đầu năm"),
    ]
