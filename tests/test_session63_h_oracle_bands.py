"""Session 63 (helper H): the two seeds of the extra oracle bands that differ on main
(b3cde289), each on the small commune (tests.commune) with its figures worked by hand. Not
fixed this session (found at the deadline; see the decisions, "Session 63: fresh oracle and
fuzz bands on main"): both tests are strict xfails that pass the day the pipeline tells one
story of the household, and then want their marks taken off.

The small commune's start list: NM1-NM3 poor, NM4, NM5 near-poor (Nà Mòn); BC1, BC2 poor, BC3
near-poor (Bản Cọ); DK1 poor, DK2 near-poor (Đồng Kè)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists


def _figures(hamlet: dict, scope: str, lst: str) -> dict:
    """A table's columns that are not 0."""
    return {k: v for k, v in hamlet[scope][lst].items() if v}


def test_left_after_its_list_was_refused_across_is_back_not_counted_again(tmp_path):
    """The plain band's seed 2611 (H2S14), worked by hand. April: the three lists. May: Bản
    Cọ's list writes two twins, other heads (Lò Thị Trùng 1981, Ma Văn Quý 1963) under DK1 and
    DK2 beside its own BC1-BC3; every row of Đồng Kè's list (DK1, DK2) is left out for a code
    written twice: refused 'across' (session 53). The twins hold not DK1 and DK2 in Bản Cọ
    (session 62 B: another head's row alone under a code). June: Bản Cọ silent, Đồng Kè's
    list DK2 alone: DK1 left (its month table exits it, 'đề nghị xác nhận'). July: Bản Cọ's
    list writes DK1 poor (Hoàng Văn DK1, its own head). Bản Cọ's month table, against May's
    list (BC1, BC2 counted; the twins' rows left out): start 2, DK1 back after leaving in
    June: new 1, returned 1 ('Tái nghèo'), end 3. The pipeline says counted again ('Tính lại
    (dòng đã sửa lỗi)', the twin's May row taken for DK1's): June's exit and July's count of a
    household that never left cannot both be its story. Passes since session 63 A's
    f996d0d8 (a twin's row in the earlier list a silent hamlet is compared with holds not the
    household): its strict xfail removed (session 63, R4)."""
    folder, out = new_commune(tmp_path)
    run_lists(
        folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()}
    )
    twins = [person("DK1", "poor", chu_ho="Lò Thị Trùng", nam_sinh=1981),
             person("DK2", "near_poor", chu_ho="Ma Văn Quý", nam_sinh=1963)]  # fmt: skip
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows() + twins, "Đồng Kè": dk_rows()})  # fmt: skip
    assert {k: v["status"] for k, v in may.items()} == {
        "Nà Mòn": "ok", "Bản Cọ": "ok", "Đồng Kè": "rejected"}  # fmt: skip
    june = run_lists(folder, out, "2024-06", {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows()[1:]})
    assert _figures(june["Đồng Kè"], "movements_month", "poor") == {"start": 1, "exited": 1}
    july = run_lists(folder, out, "2024-07",
                     {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*bc_rows(), person("DK1", "poor")],
                      "Đồng Kè": dk_rows()[1:]})  # fmt: skip
    # the year's table: DK1 moved in from Đồng Kè's start list (the pipeline agrees)
    assert _figures(july["Bản Cọ"], "movements", "poor") == {"start": 2, "moved_in": 1, "end": 3}
    assert _figures(july["Bản Cọ"], "movements_month", "poor") == {
        "start": 2, "new": 1, "returned": 1, "end": 3}  # fmt: skip


@pytest.mark.xfail(strict=True, reason="seed 2591: left off a first list held apart")
def test_left_off_a_first_list_held_apart_then_counted_elsewhere_is_moved_in(tmp_path):
    """The `--apart` band's seed 2591 (H1S35), worked by hand. April, the first month stored:
    Bản Cọ's list writes BC1 alone and a list naming no hamlet writes BC2 (Bản Cọ held apart,
    session 51: rejected, no baseline); BC3 is on neither. May: Bản Cọ sends nothing; Nà
    Mòn's list writes BC3 near-poor. Bản Cọ's baseline is still its start list, which lists
    BC3 (a list held apart is none, session 42; what it left off is no leaving yet, session
    62 B2): Nà Mòn's month table, near-poor, start 2 (NM4, NM5), moved in 1 (BC3, 'Chuyển đến
    từ Bản Cọ', as the year's table says), end 3. The pipeline says new 1, returned 1 ('Tái
    cận nghèo'): session 62 B2's rule reads a stored list the baselines count, not the start
    list."""
    folder, out = new_commune(tmp_path)
    prepared = date(2024, 5, 3)
    write_roster(folder, "DS_NM_2024-04.xlsx", "Nà Mòn", 100, na_mon_rows(), "2024-04", prepared)
    write_roster(folder, "DS_BC_2024-04.xlsx", "Bản Cọ", 200, bc_rows()[:1], "2024-04", prepared)
    write_roster(folder, "DS_DK_2024-04.xlsx", "Đồng Kè", 150, dk_rows(), "2024-04", prepared)
    write_roster(folder, "DanhSach_2024-04.xlsx", None, 200, [bc_rows()[1]], "2024-04", prepared)
    execute(folder, out, "2024-04")
    april = json.loads((out / "2024-04" / "TongHop_2024-04.json").read_text("utf-8"))
    assert {h["hamlet"]: h["status"] for h in april["hamlets"]} == {
        "Nà Mòn": "ok", "Bản Cọ": "rejected", "Đồng Kè": "ok"}  # fmt: skip
    for old in folder.glob("DanhSach_*.xlsx"):
        old.unlink()
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": na_mon_rows(person("BC3", "near_poor")), "Đồng Kè": dk_rows()})  # fmt: skip
    assert _figures(may["Nà Mòn"], "movements", "near_poor") == {
        "start": 2, "moved_in": 1, "end": 3}  # fmt: skip
    assert _figures(may["Nà Mòn"], "movements_month", "near_poor") == {
        "start": 2, "moved_in": 1, "end": 3}  # fmt: skip
