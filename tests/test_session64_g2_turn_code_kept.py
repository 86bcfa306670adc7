"""Session 64 (helper G2): a household the new start list writes in another hamlet under the
code December's list wrote it, its head's name and birth year alike, is that household before
any slip pairing: a 'Thoát' row a last letter apart in the hamlet the start list writes it in
takes it no more (the `--turn` oracle's seed 1924 without a merger;
tests.test_session64_g_turn_merged_slip has it with one).

Session 47's commune, no merger: November 2024 Nà Mòn NM1-NM6 (NM1-NM3, NM5 poor, NM4, NM6
near-poor) and NM7 'Lò Văn Tuấm' (1960) poor; Bản Cọ BC1 'Lò Văn Tuấn' (1960), BC2, BC4 poor,
BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. December: the same, NM7 'Thoát'. The 2025 plan
keeps the three hamlets; its start list writes BC1 under Nà Mòn (moved at the turn, its code
kept), NM7 off it. January 2025: Nà Mòn lists NM1-NM6 and BC1, Bản Cọ BC2-BC4, Đồng Kè its
two."""

from __future__ import annotations

from datetime import date

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, plan_hamlets
from tests.test_session47_merger_year_turn import dk, nm6_rows, run_with_lists
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import table
from tests.test_session64_g_turn_merged_slip import bc_rows, tuan

# the eleven columns of a table row (start, to the other list, exited, not counted, moved out,
# from the other list, new, returned, moved in, recounted, end)
STILL = {"Nà Mòn": ((5, *[0] * 9, 5), (2, *[0] * 9, 2)),
         "Bản Cọ": ((2, *[0] * 9, 2), (1, *[0] * 9, 1)),
         "Đồng Kè": ((1, *[0] * 9, 1), (1, *[0] * 9, 1))}  # fmt: skip
MONTH = {"Nà Mòn": ((4, *[0] * 7, 1, 0, 5), (2, *[0] * 9, 2)),  # BC1 moved in
         "Bản Cọ": ((3, 0, 0, 0, 1, *[0] * 5, 2), (1, *[0] * 9, 1)),  # BC1 moved out
         "Đồng Kè": ((1, *[0] * 9, 1), (1, *[0] * 9, 1))}  # fmt: skip


def moved_at_the_turn(tmp_path, nm7: str):
    """The commune above, NM7's head ``nm7``; January's JSON and the output folder."""
    folder, out = new_commune(tmp_path)
    lists = {"Nà Mòn": [*nm6_rows(), tuan("NM7", "poor", nm7)], "Bản Cọ": bc_rows(),
             "Đồng Kè": dk()}  # fmt: skip
    run_with_lists(folder, out, "2024-11", lists, date(2024, 12, 3))
    lists["Nà Mòn"] = [*nm6_rows(), tuan("NM7", "exited", nm7)]
    run_with_lists(folder, out, "2024-12", lists, date(2025, 1, 3))
    hamlets = [dict(h) for h in plan_hamlets()]
    hamlets[0].update(start_poor=5, start_near_poor=2)
    hamlets[1].update(start_poor=2, start_near_poor=1)
    bc1, *bc = bc_rows()
    start = (
        [dict(row, hamlet="Nà Mòn") for row in [*nm6_rows(), bc1]]
        + [dict(row, hamlet="Bản Cọ") for row in bc]
        + [dict(row, hamlet="Đồng Kè") for row in dk()]
    )
    for stt, row in enumerate(start, start=1):
        row["stt"] = stt
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025}, hamlets,
                        start)  # fmt: skip
    sent = {"Nà Mòn": [*nm6_rows(), bc1], "Bản Cọ": bc, "Đồng Kè": dk()}
    return run_with_lists(folder, out, "2025-01", sent, date(2025, 2, 3)), out


def test_a_code_kept_in_another_hamlet_is_its_household_before_a_thoat_rows_slip(tmp_path):
    """By hand. The year's tables (the start list, BC1 Nà Mòn's): nothing moved, Nà Mòn poor 5
    to 5, Bản Cọ 2 to 2, Đồng Kè 1 to 1. The month's (December: BC1 on Bản Cọ's list, NM7
    'Thoát' on Nà Mòn's): Nà Mòn poor 4, moved in 1 (BC1 "Chuyển đến từ Bản Cọ"), 5; Bản Cọ
    poor 3, moved out 1 ("Chuyển sang Nà Mòn"), 2. Before: NM7's December row 'Lò Văn Tuấm'
    1960 was paired with the start list's BC1 within Nà Mòn (a last-letter slip under one of
    last year's codes), BC1's own December row held by its name: Nà Mòn new 1 ("Phát sinh
    mới"), Bản Cọ exited 1 ("Không còn trong danh sách (đề nghị xác nhận)")."""
    summary, out = moved_at_the_turn(tmp_path, "Lò Văn Tuấm")
    hamlets = {h["hamlet"]: h for h in summary["hamlets"]}
    assert {name: table(h["movements"]) for name, h in hamlets.items()} == STILL
    assert {name: table(h["movements_month"]) for name, h in hamlets.items()} == MONTH
    assert listed_movements(out, "2025-01") == [
        ("Nà Mòn", "BC1", "Chuyển đến từ Bản Cọ", "So với tháng trước"),
        ("Bản Cọ", "BC1", "Chuyển sang Nà Mòn", "So với tháng trước"),
    ]


def test_the_same_move_where_no_slip_is_near(tmp_path):
    """A control: NM7's head 'Lò Văn Tú' (no slip of 'Tuấn'): the same tables and rows, before
    and after."""
    summary, out = moved_at_the_turn(tmp_path, "Lò Văn Tú")
    hamlets = {h["hamlet"]: h for h in summary["hamlets"]}
    assert {name: table(h["movements"]) for name, h in hamlets.items()} == STILL
    assert {name: table(h["movements_month"]) for name, h in hamlets.items()} == MONTH
    assert listed_movements(out, "2025-01") == [
        ("Nà Mòn", "BC1", "Chuyển đến từ Bản Cọ", "So với tháng trước"),
        ("Bản Cọ", "BC1", "Chuyển sang Nà Mòn", "So với tháng trước"),
    ]
