"""Session 63 (helper G): a household held in a row left out for an error of its new hamlet's own
list, counted there the month after, while the hamlet it came from, silent or refused that
month, compares with an older list that counts it (the hamlets' month baselines staggered): the
old hamlet's month table moves it out, so the new hamlet's moves it in, not 'Tính lại' (seed
1444's H2S6 shape, session 61 A's Left (1)).

The small commune (tests.commune): Bản Cọ BC1, BC2 poor, BC3 near-poor; Đồng Kè DK1 poor, DK2
near-poor; Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor. BC2 is written in Đồng Kè's May list with
0 members: a row left out for an error, holding BC2 there (sessions 9, 10)."""

from __future__ import annotations

import pytest

from tests.commune import new_commune, write_merged_plan
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session61_a_merged_apart_moved import month_summary, poor_moves


def _bc2_held() -> dict:
    return dict(bc_rows()[1], nhan_khau=0)


def _june(tmp_path, april_refused: bool, june_ban_co: bool = True) -> tuple:
    """April: the three lists (Bản Cọ's refused whole: ``april_refused``); May: Nà Mòn's list
    and Đồng Kè's holding BC2 (Bản Cọ silent); June: Nà Mòn, Bản Cọ BC1 and BC3 (or silent:
    not ``june_ban_co``), Đồng Kè counting BC2. Returns (June's summary by hamlet, out)."""
    folder, out = new_commune(tmp_path)
    refused = ("Bản Cọ",) if april_refused else ()
    month_summary(folder, out, "2024-04",
                  {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()},
                  refused=refused)  # fmt: skip
    may = month_summary(folder, out, "2024-05",
                        {"Nà Mòn": na_mon_rows(), "Đồng Kè": [*dk_rows(), _bc2_held()]})  # fmt: skip
    # May: no table tells BC2's arrival (Bản Cọ silent: session 11), Đồng Kè poor 1 to 1
    assert poor_moves(may["Đồng Kè"], "movements_month") == (1, 0, 0, 0, 0, 0, 1)
    assert [r for r in listed_movements(out, "2024-05") if r[1] == "BC2"] == []
    bc1, _, bc3 = bc_rows()
    lists = {"Nà Mòn": na_mon_rows(), "Bản Cọ": [bc1, bc3]} if june_ban_co else {}
    june = month_summary(folder, out, "2024-06",
                         {"Nà Mòn": na_mon_rows(), **lists,
                          "Đồng Kè": [*dk_rows(), bc_rows()[1]]})  # fmt: skip
    return june, out


@pytest.mark.parametrize("april_refused", [False, True], ids=["april-list", "start-list"])
def test_held_in_its_new_hamlets_list_while_the_old_one_was_silent_is_moved_in(
    tmp_path, april_refused
):
    """Worked by hand, one household, one story: BC2 left Bản Cọ for Đồng Kè while Bản Cọ was
    silent (May), into a row left out for an error; no table said so then. June: Bản Cọ's month
    table, beside its April list (or, that list refused, its start list: 'plan'), poor 2, moved
    out 1 (BC2, 'Chuyển sang Đồng Kè'), 1; Đồng Kè's, beside its May list (DK1 poor, BC2 held):
    poor 1, moved in 1 ('Chuyển đến từ Bản Cọ'), 2, as its year table says; the commune's
    month row poor 6, moved out 1, moved in 1, 6. Before: Đồng Kè's month table counted BC2
    again ('Tính lại (dòng đã sửa lỗi)'), the commune's month row moved out 1, counted again 1:
    a move out no table moved in."""
    june, out = _june(tmp_path, april_refused)
    bc, dk = june["Bản Cọ"], june["Đồng Kè"]
    assert bc["movements_month_from"] == ("plan" if april_refused else "2024-04")
    assert poor_moves(bc, "movements_month") == (2, 0, 1, 0, 0, 0, 1)
    assert poor_moves(dk, "movements_month") == (1, 0, 0, 0, 1, 0, 2)
    assert poor_moves(june[""], "movements_month") == (6, 0, 1, 0, 1, 0, 6)
    assert poor_moves(dk, "movements") == (1, 0, 0, 0, 1, 0, 2)
    assert poor_moves(june[""], "movements") == (6, 0, 1, 0, 1, 0, 6)
    since = "So với danh sách đầu năm" if april_refused else "So với tháng 4/2024"
    assert [r for r in listed_movements(out, "2024-06") if r[1] == "BC2"] == [
        ("Bản Cọ", "BC2", "Chuyển sang Đồng Kè", "Từ đầu năm"),
        ("Đồng Kè", "BC2", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
        ("Bản Cọ", "BC2", "Chuyển sang Đồng Kè", since),
        ("Đồng Kè", "BC2", "Chuyển đến từ Bản Cọ", "So với tháng trước"),
    ]


def test_the_old_hamlet_silent_now_too_counted_again(tmp_path):
    """A guard (passes before): Bản Cọ silent in June too, no table moves BC2 out now; Đồng Kè's
    month table counts it again (poor 1, counted again 1, 2; sessions 10, 39), its year table
    moves it in from Bản Cọ (its start list's)."""
    june, out = _june(tmp_path, False, june_ban_co=False)
    dk = june["Đồng Kè"]
    assert poor_moves(dk, "movements_month") == (1, 0, 0, 0, 0, 1, 2)
    assert poor_moves(dk, "movements") == (1, 0, 0, 0, 1, 0, 2)
    assert [r for r in listed_movements(out, "2024-06") if r[1] == "BC2"] == [
        ("Đồng Kè", "BC2", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
        ("Đồng Kè", "BC2", "Tính lại (dòng đã sửa lỗi)", "So với tháng trước"),
    ]


def test_its_old_hamlets_table_told_the_move_then_counted_again(tmp_path):
    """The seed's own shape (a guard: passes before). April: Bản Cọ's list refused; the plan
    merges Bản Cọ into Nà Mòn from May; May: Nà Mòn held apart (Bản Cọ's old head's list BC1,
    BC3 apart), its table outside the totals moving BC2 out to Đồng Kè, whose May table says
    BC2 moved in, not counted. June: Nà Mòn's month table (from 'plan', its Bản Cọ part's
    start rows) poor 5, moved out 1, 4, again; Đồng Kè's counts it again ('Tính lại': its May
    table told the arrival), poor 1, counted again 1, 2; the commune's month row 6, moved out
    1, counted again 1, 6 (each table true beside its own list; the move out told by Nà Mòn's
    May table outside the totals, the move in by Đồng Kè's in them: session 61 A's Left (1))."""
    folder, out = new_commune(tmp_path)
    month_summary(folder, out, "2024-04",
                  {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()},
                  refused=("Bản Cọ",))  # fmt: skip
    write_merged_plan(folder)
    bc1, _, bc3 = bc_rows()
    may = month_summary(folder, out, "2024-05",
                        {"Nà Mòn": na_mon_rows(), "Bản Cọ": [bc1, bc3],
                         "Đồng Kè": [*dk_rows(), _bc2_held()]})  # fmt: skip
    assert may["Nà Mòn"]["status"] == "rejected"
    assert poor_moves(may["Đồng Kè"], "movements_month") == (1, 0, 0, 0, 1, 0, 1)
    june = month_summary(folder, out, "2024-06",
                         {"Nà Mòn": na_mon_rows(bc1, bc3), "Đồng Kè": [*dk_rows(), bc_rows()[1]]})  # fmt: skip
    assert poor_moves(june["Nà Mòn"], "movements_month") == (5, 0, 1, 0, 0, 0, 4)
    assert poor_moves(june["Đồng Kè"], "movements_month") == (1, 0, 0, 0, 0, 1, 2)
    assert poor_moves(june[""], "movements_month") == (6, 0, 1, 0, 0, 1, 6)
