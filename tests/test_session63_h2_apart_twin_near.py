"""Session 63 (helper H2): the near cases of helper H's two seeds
(tests/test_session63_h_oracle_bands.py), on the small commune (tests.commune), worked by hand.

Seed 2591's shape: a household left off the first stored list of its hamlet, which was held
apart (session 51: rejected, no baseline), counted in another hamlet the month after while its
own hamlet sends nothing. Its hamlet sent no list accepted this year, so its baseline is still
the start list, which counts the household: moved in, not back (decisions, "Session 63: left
off a first list held apart …"). Beside it, the same list accepted: that list is the baseline
and left it off: back ('Tái cận nghèo'), as before.

Seed 2611's shape with the row in Bản Cọ's list naming the household's own head: that row is
the household's (left out for its code written twice across), so it is counted again
('Tính lại (dòng đã sửa lỗi)') when Bản Cọ lists it, as before.

The small commune's start list: NM1-NM3 poor, NM4, NM5 near-poor (Nà Mòn); BC1, BC2 poor, BC3
near-poor (Bản Cọ); DK1 poor, DK2 near-poor (Đồng Kè)."""

from __future__ import annotations

from datetime import date

from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists


def _figures(hamlet: dict, scope: str, lst: str) -> dict:
    """A table's columns that are not 0."""
    return {k: v for k, v in hamlet[scope][lst].items() if v}


def _bc3_rows(result) -> list[tuple]:
    """(scope, hamlet, movement, other hamlet) of BC3's rows on the movement details."""
    d = result.movement_details
    return sorted(
        (scope, hamlet, move, other if isinstance(other, str) else "")
        for scope, hamlet, code, move, other in zip(
            d["scope"], d["hamlet"], d["ma_ho"], d["movement"], d["other_hamlet"], strict=True
        )
        if code == "BC3"
    )


def _may_with_bc3_in_na_mon(folder, out) -> dict:
    return run_lists(folder, out, "2024-05",
                     {"Nà Mòn": na_mon_rows(person("BC3", "near_poor")), "Đồng Kè": dk_rows()})  # fmt: skip


def test_left_off_a_first_list_held_apart_moves_in_then_out_when_its_hamlet_sends(tmp_path):
    """Seed 2591's shape through June. April (first month stored): Bản Cọ's list BC1, a list
    naming no hamlet BC2 (Bản Cọ held apart); BC3 on neither. May: Bản Cọ silent, Nà Mòn's list
    writes BC3 near-poor. June: Bản Cọ's list BC1, BC2 counted (BC3 off), Nà Mòn's as May's.
    By hand: May, Nà Mòn's month near-poor start 2 (NM4, NM5), moved in 1 (BC3 from Bản Cọ's
    start list, its hamlet's baseline still), end 3; the year's alike. June: Bản Cọ's month
    table, beside its start list (no list accepted since), near-poor start 1, moved out 1 (to
    Nà Mòn), end 0; poor 2 to 2; Nà Mòn's month 3 to 3. The move in (May) and out (June) each
    once (session 59 A: the move out follows in the silent hamlet's first table). Before: May
    said new 1, returned 1 ('Tái cận nghèo') and June still moved out: two stories."""
    folder, out = new_commune(tmp_path)
    prepared = date(2024, 5, 3)
    write_roster(folder, "DS_NM_2024-04.xlsx", "Nà Mòn", 100, na_mon_rows(), "2024-04", prepared)
    write_roster(folder, "DS_BC_2024-04.xlsx", "Bản Cọ", 200, bc_rows()[:1], "2024-04", prepared)
    write_roster(folder, "DS_DK_2024-04.xlsx", "Đồng Kè", 150, dk_rows(), "2024-04", prepared)
    write_roster(folder, "DanhSach_2024-04.xlsx", None, 200, [bc_rows()[1]], "2024-04", prepared)
    execute(folder, out, "2024-04")
    for old in folder.glob("DanhSach_*.xlsx"):
        old.unlink()
    may = _may_with_bc3_in_na_mon(folder, out)
    assert may["Bản Cọ"]["status"] == "missing"
    assert _figures(may["Nà Mòn"], "movements_month", "near_poor") == {
        "start": 2, "moved_in": 1, "end": 3}  # fmt: skip
    assert _figures(may["Nà Mòn"], "movements", "near_poor") == {
        "start": 2, "moved_in": 1, "end": 3}  # fmt: skip
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    june_lists = {"Nà Mòn": na_mon_rows(person("BC3", "near_poor")), "Bản Cọ": bc_rows()[:2],
                  "Đồng Kè": dk_rows()}  # fmt: skip
    for n, (hamlet, rows) in enumerate(june_lists.items()):
        size = {"Nà Mòn": 100, "Bản Cọ": 200, "Đồng Kè": 150}[hamlet]
        write_roster(folder, f"DS_{n}_2024-06.xlsx", hamlet, size, rows, "2024-06",
                     date(2024, 7, 3))  # fmt: skip
    result, _, _ = execute(folder, out, "2024-06")
    assert _bc3_rows(result) == [
        ("month", "Bản Cọ", "moved_out", "Nà Mòn"),
        ("year", "Bản Cọ", "moved_out", "Nà Mòn"),
        ("year", "Nà Mòn", "moved_in", "Bản Cọ"),
    ]


def test_left_off_a_first_list_accepted_then_counted_elsewhere_is_back(tmp_path):
    """The guard (passes before): April, Bản Cọ's list BC1, BC2 accepted (BC3 off: it left
    the lists in April, that list its baseline now); May, Bản Cọ silent, Nà Mòn writes BC3.
    By hand: Nà Mòn's month near-poor start 2, new 1 of which returned 1 ('Tái cận nghèo'), end
    3; the year's (beside the start list, BC3 on Bản Cọ's there) start 2, moved in 1, end 3."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows()[:2], "Đồng Kè": dk_rows()})  # fmt: skip
    may = _may_with_bc3_in_na_mon(folder, out)
    assert _figures(may["Nà Mòn"], "movements_month", "near_poor") == {
        "start": 2, "new": 1, "returned": 1, "end": 3}  # fmt: skip
    assert _figures(may["Nà Mòn"], "movements", "near_poor") == {
        "start": 2, "moved_in": 1, "end": 3}  # fmt: skip


def test_a_row_across_naming_the_households_own_head_is_counted_again(tmp_path):
    """Seed 2611's shape, the guard (passes before): May, Bản Cọ's list writes DK1 and DK2
    under their own heads (Hoàng Văn DK1, DK2) beside BC1-BC3; Đồng Kè's list DK1, DK2 refused
    'across' (session 53), Bản Cọ's two rows left out: they hold DK1 and DK2 there. June: Bản
    Cọ silent, Đồng Kè's list DK2 alone: DK1, last held in Bản Cọ's May row, moved out to Bản
    Cọ (Đồng Kè's month and year poor: start 1, moved out 1, end 0). July: Bản Cọ's list BC1-BC3
    and DK1 poor; its month table beside its May list (June silent): start 2, counted again 1
    ('Tính lại (dòng đã sửa lỗi)': its May row, now counted), end 3; the year's: start 2,
    moved in 1 (from Đồng Kè), end 3."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows() + dk_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    assert {k: v["status"] for k, v in may.items()} == {
        "Nà Mòn": "ok", "Bản Cọ": "ok", "Đồng Kè": "rejected"}  # fmt: skip
    june = run_lists(folder, out, "2024-06", {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows()[1:]})
    assert _figures(june["Đồng Kè"], "movements_month", "poor") == {"start": 1, "moved_out": 1}
    assert _figures(june["Đồng Kè"], "movements", "poor") == {"start": 1, "moved_out": 1}
    july = run_lists(folder, out, "2024-07",
                     {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*bc_rows(), person("DK1", "poor")],
                      "Đồng Kè": dk_rows()[1:]})  # fmt: skip
    assert _figures(july["Bản Cọ"], "movements_month", "poor") == {
        "start": 2, "recounted": 1, "end": 3}  # fmt: skip
    assert _figures(july["Bản Cọ"], "movements", "poor") == {"start": 2, "moved_in": 1, "end": 3}
