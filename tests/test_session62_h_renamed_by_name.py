"""Found by session 38's oracle with renames (session 62, helper H: `--renames` seed 2428).

A household whose own hamlet's list last month wrote it without its Mã hộ (the row left out,
holding it by (hamlet, head's name, birth year), for that hamlet's list alone: sessions 9 and
55) and that another hamlet lists by its code now is new in that hamlet's month table: last
month's lists counted it nowhere. A plan renaming its old hamlet this month, that hamlet's
list refused or not sent now, changed it: `figuresteps._silent_listings` took the renamed
hamlet for one that sent no list this year (its April list is stored under the old name) and
read the household from the start list, moved in. A rename changes no figure (session 41).
"""

from __future__ import annotations

import json

import pytest

from tests.commune import new_commune, person, write_renamed_plan
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists


def _may(tmp_path, renamed: bool, refused: bool) -> tuple[dict, dict]:
    """April: Đồng Kè's list writes DK2 (near-poor on its start list) without its Mã hộ; May:
    the plan renames Đồng Kè 'Đồng Kè Mới' (or not), its list refused (or not sent), and Bản
    Cọ lists DK2 near-poor by its code. Bản Cọ's May figures and the commune's month table."""
    folder, out = new_commune(tmp_path)
    dk = [person("DK1", "poor"), dict(person("DK2", "near_poor"), ma_ho=None)]
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk})
    name = "Đồng Kè"
    if renamed:
        write_renamed_plan(folder, {"Đồng Kè": "Đồng Kè Mới"})
        name = "Đồng Kè Mới"
    lists = {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*bc_rows(), person("DK2", "near_poor")]}
    if refused:
        lists[name] = dk_rows()
    by_name = run_lists(folder, out, "2024-05", lists, refused=(name,) if refused else ())
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    return by_name["Bản Cọ"], summary["totals"]["movements_month"]["near_poor"]


def _five(t: dict) -> tuple:
    return t["start"], t["new"], t["returned"], t["moved_in"], t["recounted"], t["end"]


@pytest.mark.parametrize("refused", [True, False], ids=["refused", "silent"])
@pytest.mark.parametrize("renamed", [True, False], ids=["renamed", "same-name"])
def test_held_by_name_in_a_hamlet_renamed_since_then_listed_elsewhere_is_new(
    tmp_path, renamed, refused
):
    bc, commune = _may(tmp_path, renamed, refused)
    # Bản Cọ's April list: BC3 near-poor; May: BC3 and DK2, on no list counted in April (its
    # row in Đồng Kè's left out, by name): new, not moved in (before, renamed: moved in 1)
    assert _five(bc["movements_month"]["near_poor"]) == (1, 1, 0, 0, 0, 2)
    # the commune's April near-poor: NM4, NM5, BC3 (DK2's row left out); May: and DK2
    assert _five(commune) == (3, 1, 0, 0, 0, 4)
    # the year's table: DK2 on Đồng Kè's start list, moved in to Bản Cọ (either way)
    assert _five(bc["movements"]["near_poor"]) == (1, 0, 0, 1, 0, 2)
