"""A household of a hamlet merged at the year's turn, on its December list, off the new start
list and listed again in the new year is back ('Tái nghèo': new, of which returned), not only
new (session 56, S; QA seeds 824 and 807).

The first two tests: the small commune of session 47's merger at the turn (tests.test_session47_merger_year_turn):
December 2024 Nà Mòn NM1-NM3, NM5 poor, NM4, NM6 near-poor; Bản Cọ BC1, BC2, BC4 poor, BC3
'Thoát', BC5 poor (new in December); Đồng Kè DK1 poor, DK2 near-poor. The 2025 plan merges Bản
Cọ into Nà Mòn, its start list NM1-NM6, BC1, BC2, BC4 (poor 7, near-poor 2): BC5 is off it,
it left the lists at the turn. The third builds its own turn (NM7 beside a look-alike)."""

from __future__ import annotations

from datetime import date

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets
from tests.test_session47_merger_year_turn import (
    bc4_rows,
    dk,
    merged_at_the_turn,
    nm6_rows,
    run_with_lists,
)
from tests.test_session56_b_turn_moved import table

BC5 = person("BC5", "poor")


def test_a_merged_hamlets_household_off_the_start_list_back_in_february_is_returned(tmp_path):
    """January 2025: Nà Mòn lists the start list's nine, Đồng Kè its two; February the same and
    BC5 poor again. February's month table, Nà Mòn: poor 7 (NM1-NM3, NM5, BC1, BC2, BC4) +
    returned 1 (BC5, off the lists since the turn) = 8; near-poor 2 -> 2. The year's table
    (beside the start list) the same: poor 7 + returned 1 = 8. Đồng Kè nothing moved. Before:
    BC5 new 1, returned 0 ('Phát sinh mới')."""
    folder, out = merged_at_the_turn(tmp_path, (BC5,))
    start = [*nm6_rows(), *[row for row in bc4_rows() if row["ma_ho"] != "BC3"]]
    run_with_lists(folder, out, "2025-01", {"Nà Mòn": start, "Đồng Kè": dk()}, date(2025, 2, 3))
    summary = run_with_lists(
        folder, out, "2025-02", {"Nà Mòn": [*start, BC5], "Đồng Kè": dk()}, date(2025, 3, 3)
    )
    hamlets = {h["hamlet"]: h for h in summary["hamlets"]}
    back = ((7, 0, 0, 0, 0, 0, 1, 1, 0, 0, 8), (2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2))
    still = ((1, *[0] * 9, 1), (1, *[0] * 9, 1))
    assert table(hamlets["Nà Mòn"]["movements_month"]) == back
    assert table(hamlets["Nà Mòn"]["movements"]) == back
    assert table(hamlets["Đồng Kè"]["movements_month"]) == still
    assert table(hamlets["Đồng Kè"]["movements"]) == still
    assert table(summary["totals"]["movements"]) == (
        (8, 0, 0, 0, 0, 0, 1, 1, 0, 0, 9), (3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3))  # fmt: skip


def test_a_merged_hamlets_household_off_the_start_list_back_while_the_joined_is_silent(tmp_path):
    """QA seed 824 shrunk: January 2025, Nà Mòn (which Bản Cọ joined) sends no list, so no
    list says the merger; Đồng Kè lists DK1, DK2 and BC5 poor. BC5 was on Bản Cọ's December
    list and is off the start list: it left the lists at the turn, and is back. Đồng Kè's
    year's table (beside the start list): poor 1 (DK1) + new 1, of which returned 1 (BC5) = 2;
    near-poor 1 -> 1 (before: new 1, returned 0: Bản Cọ, a hamlet the plan no longer has, was
    not asked at the start list, so BC5 never left). Its month table, beside December's lists,
    where BC5 was Bản Cọ's: poor 1 + moved in 1 = 2."""
    folder, out = merged_at_the_turn(tmp_path, (BC5,))
    summary = run_with_lists(folder, out, "2025-01", {"Đồng Kè": [*dk(), BC5]}, date(2025, 2, 3))
    dong_ke = {h["hamlet"]: h for h in summary["hamlets"]}["Đồng Kè"]
    assert table(dong_ke["movements"]) == (
        (1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 2), (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))  # fmt: skip
    assert table(dong_ke["movements_month"]) == (
        (1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))  # fmt: skip


def test_a_joined_hamlets_household_off_the_start_list_is_no_slip_of_a_merged_ones_name(
    tmp_path,
):
    """QA seed 807 shrunk: November and December 2024 Nà Mòn NM1-NM6 and NM7 'Lò Văn Cườn'
    (1970) poor; Bản Cọ BC1-BC4 and BC5 'Lò Văn Cường' (1970) poor. The 2025 plan merges Bản
    Cọ into Nà Mòn, its start list Nà Mòn NM1-NM6, BC1-BC5 (poor NM1-NM3, NM5, BC1, BC2, BC4,
    BC5: 8; near-poor NM4, NM6, BC3: 3), NM7 off it. January: Nà Mòn lists the start list's
    eleven; February those and NM7 poor again. NM7 left at the turn and is back: February's
    month table (beside January) and the year's (beside the start list), Nà Mòn: poor 8 + new
    1, of which returned 1 = 9; near-poor 3 -> 3. Before: returned 0 (last year's lists read
    with Bản Cọ's rows under Bản Cọ, the start list's BC5 in Nà Mòn was taken for NM7 under a
    name corrected by its last letter: a household renumbered at the turn, new, not back)."""
    folder, out = new_commune(tmp_path)
    nm7 = person("NM7", "poor", chu_ho="Lò Văn Cườn")
    bc5 = person("BC5", "poor", chu_ho="Lò Văn Cường")
    lists = {"Nà Mòn": [*nm6_rows(), nm7], "Bản Cọ": [*bc4_rows(), bc5], "Đồng Kè": dk()}
    run_with_lists(folder, out, "2024-11", lists, date(2024, 12, 3))
    run_with_lists(folder, out, "2024-12", lists, date(2025, 1, 3))
    hamlets = [dict(h) for h in plan_hamlets() if h["hamlet"] != "Bản Cọ"]
    hamlets[0].update(start_households=300, start_poor=8, start_near_poor=3)
    na_mon = [*nm6_rows(), *bc4_rows(), bc5]
    start = [dict(row, hamlet="Nà Mòn") for row in na_mon] + [
        dict(row, hamlet="Đồng Kè") for row in dk()]  # fmt: skip
    for stt, row in enumerate(start, start=1):
        row["stt"] = stt
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025}, hamlets,
                        start)  # fmt: skip
    run_with_lists(folder, out, "2025-01", {"Nà Mòn": na_mon, "Đồng Kè": dk()}, date(2025, 2, 3))
    summary = run_with_lists(
        folder, out, "2025-02", {"Nà Mòn": [*na_mon, nm7], "Đồng Kè": dk()}, date(2025, 3, 3)
    )
    hamlet = {h["hamlet"]: h for h in summary["hamlets"]}["Nà Mòn"]
    back = ((8, 0, 0, 0, 0, 0, 1, 1, 0, 0, 9), (3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3))
    assert table(hamlet["movements_month"]) == back
    assert table(hamlet["movements"]) == back
