"""Session 61 (helper A2): a hamlet refused the month before its merger, the hamlet it joined
silent (or refused) in the merger month: one of its households on a third hamlet's list now is
moved in from the hamlet it joined, in the month table as in the year's (the mergers oracle's
seeds 1455, 1456, 1476).

The month's commune-wide baseline (`baselines.month_baselines`) held last month's accepted
lists and, for a hamlet sending now, its latest lists; the part refused last month and merged
since into a hamlet with no table now was in none of them (`_merged_unlisted` asks only a
hamlet accepted now, `_joined_silent_now` only January): its household was new
('Phát sinh mới') in the month table beside 'Chuyển đến từ …' in the year table."""

from __future__ import annotations

import json

import pytest

from tests.commune import new_commune, person, write_merged_plan
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements


def _figures(out, period: str) -> dict:
    """The JSON summary's hamlets by name, "" the totals."""
    summary = json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))
    return {h["hamlet"]: h for h in summary["hamlets"]} | {"": summary["totals"]}


def _poor(figures: dict, scope: str) -> tuple:
    m = figures[scope]["poor"]
    return (m["start"], m["exited"], m["moved_out"], m["new"], m["moved_in"], m["recounted"],
            m["end"])  # fmt: skip


@pytest.mark.parametrize("dk", ["Đồng Kè", "Đồng Kè Mới"])
def test_never_accepted_part_merged_into_a_silent_hamlet_its_household_moved_in(tmp_path, dk):
    """Worked by hand (seed 1476's shape; ``dk``: Đồng Kè renamed at the merger too, as 1476's
    Nà Mòn Mới). April: Nà Mòn's (NM1-NM3 poor, NM4, NM5 near-poor) and Đồng Kè's (DK1 poor,
    DK2 near-poor) lists counted; Bản Cọ's (BC1, BC2 poor, BC3 near-poor) refused: no month
    accepts it, its latest list is the start list (session 43). The plan merges Bản Cọ into Nà
    Mòn from May; May: Nà Mòn sends nothing, Đồng Kè lists DK1, DK2 and BC2 (poor). Nà Mòn's
    baseline (its April list, Bản Cọ's start rows) counts BC2 poor: it moved to Đồng Kè.
    Đồng Kè's month table (beside its April list): poor 1, moved in 1, 2; near-poor 1 to 1;
    its year table (the start list) the same; the commune's month and year rows alike (Nà Mòn
    has no table); BC2 'Chuyển đến từ Nà Mòn' in both. Before: the month table had BC2 new
    ('Phát sinh mới'), poor new 1, moved in 0."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()},
              refused=("Bản Cọ",))  # fmt: skip
    write_merged_plan(folder, renamed={"Đồng Kè": dk} if dk != "Đồng Kè" else None)
    run_lists(folder, out, "2024-05", {dk: [*dk_rows(), bc_rows()[1]]})
    may = _figures(out, "2024-05")
    assert may["Nà Mòn"]["status"] == "missing"
    for scope in ("movements_month", "movements"):
        assert _poor(may[dk], scope) == (1, 0, 0, 0, 1, 0, 2)
        assert _poor(may[""], scope) == (1, 0, 0, 0, 1, 0, 2)
        near = may[dk][scope]["near_poor"]
        assert (near["start"], near["new"], near["moved_in"], near["end"]) == (1, 0, 0, 1)
    rows = [(h, what, scope) for h, key, what, scope in listed_movements(out, "2024-05")]
    assert rows == [(dk, "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
                    (dk, "Chuyển đến từ Nà Mòn", "So với tháng trước")]  # fmt: skip


@pytest.mark.parametrize("nam_mon", ["silent", "refused"])
def test_part_refused_before_its_merger_its_latest_list_there(tmp_path, nam_mon):
    """Worked by hand (seeds 1455's and 1456's shape). April: the three lists counted, Bản
    Cọ's with BC4 (poor, new this year: on no start list). May: Nà Mòn's and Đồng Kè's lists
    counted, Bản Cọ's refused: its latest list is April's. The plan merges Bản Cọ into Nà Mòn
    from June; June: Nà Mòn sends nothing (``silent``), or its list (NM1-NM5, BC1, BC3) is
    refused; Đồng Kè lists DK1, DK2, BC2 and BC4 (poor). Nà Mòn's baseline (its May list,
    Bản Cọ's April list) counts BC2 and BC4 poor: both moved to Đồng Kè. Đồng Kè's month
    table (beside its May list): poor 1, moved in 2, 3 ('Chuyển đến từ Nà Mòn' for each);
    near-poor 1 to 1. Its year table (the start list): BC2 moved in, BC4 new (on no list at
    the start of the year: new to the commune this year): poor 1, new 1, moved in 1, 3. The
    commune's rows alike. BC4 tells the latest list from the start list (which lacks it).
    Before: BC2 and BC4 new in the month table, poor new 2, moved in 0."""
    folder, out = new_commune(tmp_path)
    bc4 = person("BC4", "poor")
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*bc_rows(), bc4], "Đồng Kè": dk_rows()})  # fmt: skip
    run_lists(folder, out, "2024-05",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*bc_rows(), bc4], "Đồng Kè": dk_rows()},
              refused=("Bản Cọ",))  # fmt: skip
    write_merged_plan(folder)
    bc1, bc2, bc3 = bc_rows()
    lists = {"Đồng Kè": [*dk_rows(), bc2, bc4]}
    if nam_mon == "refused":
        lists = {"Nà Mòn": na_mon_rows(bc1, bc3), **lists}
    run_lists(folder, out, "2024-06", lists, refused=("Nà Mòn",))
    june = _figures(out, "2024-06")
    assert june["Nà Mòn"]["status"] == ("missing" if nam_mon == "silent" else "rejected")
    for scope in ("Đồng Kè", ""):
        assert _poor(june[scope], "movements_month") == (1, 0, 0, 0, 2, 0, 3)
        assert _poor(june[scope], "movements") == (1, 0, 0, 1, 1, 0, 3)
    near = june["Đồng Kè"]["movements_month"]["near_poor"]
    assert (near["start"], near["new"], near["moved_in"], near["end"]) == (1, 0, 0, 1)
    rows = sorted((key, what, scope) for _, key, what, scope in listed_movements(out, "2024-06"))
    assert rows == [
        ("BC2", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
        ("BC2", "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
        ("BC4", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
        ("BC4", "Phát sinh mới", "Từ đầu năm"),
    ]
