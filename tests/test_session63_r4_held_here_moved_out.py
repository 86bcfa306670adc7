"""Session 63 (review R4 of helper G's `figuresteps._held_here_moved_out`): a household held in a
row left out for an error of its new hamlet's own list, counted there the month after, the hamlet
it came from not having told the move in the held row's month. G's two edge cases found only by
the oracles (a hamlet renamed at a merger: the mergers oracle's seed 29; the year's first month
with the old hamlet held apart: the ``--apart`` oracle's seed 2453), on the small commune, and
the review's own: the old hamlet silent then, merged since into a hamlet whose list was read then.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor; Bản Cọ BC1, BC2 poor,
BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. A row with 0 members is left out for an error,
holding its household there (sessions 9, 10)."""

from __future__ import annotations

import pytest

from tests.commune import new_commune, write_merged_plan
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session61_a_merged_apart_moved import month_summary, poor_moves


def _held(row: dict) -> dict:
    return dict(row, nhan_khau=0)


def test_held_in_a_hamlet_renamed_at_a_merger_since_is_moved_in(tmp_path):
    """Worked by hand (seed 29's shape). April: the three lists. May: Nà Mòn's list holds DK1
    (Đồng Kè's poor household) in a row with 0 members, Bản Cọ's its three; Đồng Kè silent (no
    table tells DK1's move). The plan then merges Bản Cọ into Nà Mòn, renamed 'Nà Mòn Mới'.
    June: Nà Mòn Mới counts NM1-NM5, BC1-BC3 and DK1; Đồng Kè lists DK2 alone. Đồng Kè's month
    table, beside its April list: poor 1, moved out 1 (DK1, 'Chuyển sang Nà Mòn Mới'), 0. Nà
    Mòn Mới's, beside May's Nà Mòn and Bản Cọ lists (NM1-NM3, BC1, BC2 poor; DK1 held): poor 5,
    moved in 1 ('Chuyển đến từ Đồng Kè'), 6; the commune's month row 6, moved out 1, moved in 1,
    6, as the year's. Before (aff0dbbc^): the held row's hamlet read under its stored name
    'Nà Mòn', not the name now: Nà Mòn Mới counted DK1 again ('Tính lại'), the commune's month
    row moved out 1, counted again 1."""
    folder, out = new_commune(tmp_path)
    month_summary(folder, out, "2024-04",
                  {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    dk1, dk2 = dk_rows()
    may = month_summary(folder, out, "2024-05",
                        {"Nà Mòn": na_mon_rows(_held(dk1)), "Bản Cọ": bc_rows()})  # fmt: skip
    assert poor_moves(may["Nà Mòn"], "movements_month") == (3, 0, 0, 0, 0, 0, 3)
    # (May's month tables say nothing of DK1: a silent hamlet's household, session 11)
    assert [r for r in listed_movements(out, "2024-05") if r[1] == "DK1" and "trước" in r[3]] == []
    write_merged_plan(folder, new="Nà Mòn Mới")
    june = month_summary(folder, out, "2024-06",
                         {"Nà Mòn Mới": na_mon_rows(*bc_rows(), dk1), "Đồng Kè": [dk2]})  # fmt: skip
    new, dk = june["Nà Mòn Mới"], june["Đồng Kè"]
    assert dk["movements_month_from"] == "2024-04"
    assert poor_moves(dk, "movements_month") == (1, 0, 1, 0, 0, 0, 0)
    assert poor_moves(new, "movements_month") == (5, 0, 0, 0, 1, 0, 6)
    assert poor_moves(june[""], "movements_month") == (6, 0, 1, 0, 1, 0, 6)
    assert poor_moves(june[""], "movements") == (6, 0, 1, 0, 1, 0, 6)
    assert [r for r in listed_movements(out, "2024-06") if r[1] == "DK1" and "trước" in r[3]] == [
        ("Nà Mòn Mới", "DK1", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
    ]


def test_held_in_the_years_first_month_beside_the_old_hamlet_held_apart_counted_again(tmp_path):
    """Worked by hand (seed 2453's shape). The plan merges Bản Cọ into Nà Mòn from the start.
    April, the year's first stored month (year tables alone): Nà Mòn's head sends NM1-NM5, Bản
    Cọ's old head BC1, BC3 apart: Nà Mòn held apart, its table outside the totals moving BC2
    out to Đồng Kè; Đồng Kè's list holds BC2 (0 members), its table, in the totals, moving it in
    (not counted): poor 1, moved in 1, 1. May: Nà Mòn counts NM1-NM5, BC1, BC3, Đồng Kè BC2.
    Nà Mòn's month table (beside the start rows: 'plan', its April list no baseline) poor 5,
    moved out 1, 4; Đồng Kè's counts BC2 again ('Tính lại'): April's tables told the arrival,
    as in seed 1444 (session 63, G): poor 1, counted again 1, 2; the commune 6, moved out 1,
    counted again 1, 6. Before (5a3d4862^): 'told' asked the stored ``movements_month``, which
    the first stored month has for no hamlet: BC2 moved in from Nà Mòn, told twice."""
    folder, out = new_commune(tmp_path)
    write_merged_plan(folder)
    bc1, bc2, bc3 = bc_rows()
    april = month_summary(folder, out, "2024-04",
                          {"Nà Mòn": na_mon_rows(), "Bản Cọ": [bc1, bc3],
                           "Đồng Kè": [*dk_rows(), _held(bc2)]})  # fmt: skip
    assert april["Nà Mòn"]["status"] == "rejected"
    assert april["Nà Mòn"]["incomplete"]["reason"] == "merged-list-apart"
    assert poor_moves(april["Đồng Kè"], "movements") == (1, 0, 0, 0, 1, 0, 1)
    assert [r for r in listed_movements(out, "2024-04") if r[1] == "BC2"] == [
        ("Nà Mòn", "BC2", "Chuyển sang Đồng Kè", "Từ đầu năm"),
        ("Đồng Kè", "BC2", "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
        ("Đồng Kè", "BC2", "Chưa tính (dòng có lỗi)", "Từ đầu năm"),
    ]
    may = month_summary(folder, out, "2024-05",
                        {"Nà Mòn": na_mon_rows(bc1, bc3), "Đồng Kè": [*dk_rows(), bc2]})  # fmt: skip
    assert may["Nà Mòn"]["movements_month_from"] == "plan"
    assert poor_moves(may["Nà Mòn"], "movements_month") == (5, 0, 1, 0, 0, 0, 4)
    assert poor_moves(may["Đồng Kè"], "movements_month") == (1, 0, 0, 0, 0, 1, 2)
    assert poor_moves(may[""], "movements_month") == (6, 0, 1, 0, 0, 1, 6)
    assert poor_moves(may["Đồng Kè"], "movements") == (1, 0, 0, 0, 1, 0, 2)
    assert [r for r in listed_movements(out, "2024-05") if r[1] == "BC2" and r[0] == "Đồng Kè"
            and "trước" in r[3]] == [
        ("Đồng Kè", "BC2", "Tính lại (dòng đã sửa lỗi)", "So với tháng trước"),
    ]  # fmt: skip


@pytest.mark.parametrize("dong_ke", ["Đồng Kè", "Đồng Kè Mới"], ids=["kept", "renamed"])
def test_old_hamlet_silent_then_merged_since_into_one_read_then_is_moved_in(tmp_path, dong_ke):
    """Worked by hand (the review's shape). April: the three lists. May: Nà Mòn's list (NM1-NM5)
    and Đồng Kè's, holding BC2 (Bản Cọ's poor household) in a row with 0 members; Bản Cọ silent:
    no table tells BC2's move (Nà Mòn's May table, beside its own April list, never had it).
    The plan then merges Bản Cọ into Nà Mòn (Đồng Kè kept, or renamed 'Đồng Kè Mới'). June: Nà
    Mòn counts NM1-NM5, BC1, BC3; Đồng Kè DK1, DK2 and BC2. Nà Mòn's month table, beside both
    parts' April lists (the older part's month), poor 5, moved out 1 (BC2), 4; Đồng Kè's, beside
    its May list (DK1 poor, BC2 held): poor 1, moved in 1 ('Chuyển đến từ Nà Mòn'), 2; the
    commune's month row 6, moved out 1, moved in 1, 6, as the year's. Before (this review): Nà
    Mòn's May list, accepted, was taken to have told the move (its name now is the merged
    hamlet's), so Đồng Kè counted BC2 again: a move out no month table moved in."""
    folder, out = new_commune(tmp_path)
    month_summary(folder, out, "2024-04",
                  {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    bc1, bc2, bc3 = bc_rows()
    may = month_summary(folder, out, "2024-05",
                        {"Nà Mòn": na_mon_rows(), "Đồng Kè": [*dk_rows(), _held(bc2)]})  # fmt: skip
    assert poor_moves(may["Nà Mòn"], "movements_month") == (3, 0, 0, 0, 0, 0, 3)
    assert poor_moves(may["Đồng Kè"], "movements_month") == (1, 0, 0, 0, 0, 0, 1)
    write_merged_plan(folder, renamed={"Đồng Kè": dong_ke} if dong_ke != "Đồng Kè" else None)
    june = month_summary(folder, out, "2024-06",
                         {"Nà Mòn": na_mon_rows(bc1, bc3), dong_ke: [*dk_rows(), bc2]})  # fmt: skip
    nm, dk = june["Nà Mòn"], june[dong_ke]
    assert nm["movements_month_from"] == "2024-04"
    assert poor_moves(nm, "movements_month") == (5, 0, 1, 0, 0, 0, 4)
    assert poor_moves(dk, "movements_month") == (1, 0, 0, 0, 1, 0, 2)
    assert poor_moves(june[""], "movements_month") == (6, 0, 1, 0, 1, 0, 6)
    assert poor_moves(june[""], "movements") == (6, 0, 1, 0, 1, 0, 6)
    assert [r for r in listed_movements(out, "2024-06") if r[1] == "BC2" and r[0] == dong_ke
            and "trước" in r[3]] == [
        (dong_ke, "BC2", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
    ]  # fmt: skip
