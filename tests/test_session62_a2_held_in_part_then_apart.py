"""Session 62 (helper A2): a household held in a row left out for an error of a merged part's
accepted list, then in its old head's list sent apart, counted in another hamlet the month
after, is counted again ('Tính lại'), not moved in: the mergers oracle's seed 1576 (H0S15,
Bản Cọ's April table).

Session 60 B's rule (`figuresteps._held_apart_there`: a household last held in a row left out
of another hamlet's list held apart is moved in from that hamlet where that hamlet's table
moves it out) asked, where the merged hamlet's own month baseline (`month_by`) did not count
the household, `_based_at`, which reads the start list's rows of a hamlet no month accepted
under the merged plan's name: the part's own accepted list, which held the household in a row
left out (not counted), was passed over. The merged hamlet's table said nothing of the
household; the other hamlet's said it moved in from there."""

from __future__ import annotations

import pytest

from tests.commune import new_commune, write_merged_plan
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session61_a_merged_apart_moved import month_summary, poor_moves


def _near(figures: dict, scope: str) -> tuple:
    m = figures[scope]["near_poor"]
    return (m["start"], m["exited"], m["moved_out"], m["new"], m["moved_in"], m["recounted"],
            m["end"])  # fmt: skip


def _seed_1576(tmp_path, bc2_in_april: dict, june_na_mon: bool = True) -> tuple:
    """April: Nà Mòn's list refused (no month accepts it), Bản Cọ's lists BC1, ``bc2_in_april``
    and BC3, Đồng Kè's DK1, DK2. The plan merges Bản Cọ into Nà Mòn from May. May: Nà Mòn's
    head sends NM1-NM5, Bản Cọ's old head his list apart (BC1-BC3): Nà Mòn held apart (its
    lists read and stored, Bản Cọ's as rows left out for an error; no table), Đồng Kè's DK1,
    DK2. June: Nà Mòn lists NM1-NM5, BC1, BC3 (or sends nothing: ``june_na_mon``); Đồng Kè
    DK1, DK2 and BC2 (poor, counted)."""
    folder, out = new_commune(tmp_path)
    bc1, _, bc3 = bc_rows()
    month_summary(folder, out, "2024-04",
           {"Nà Mòn": na_mon_rows(), "Bản Cọ": [bc1, bc2_in_april, bc3], "Đồng Kè": dk_rows()},
           refused=("Nà Mòn",))  # fmt: skip
    write_merged_plan(folder)
    may = month_summary(folder, out, "2024-05",
                 {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    assert may["Nà Mòn"]["status"] == "rejected"
    lists = {"Nà Mòn": na_mon_rows(bc1, bc3)} if june_na_mon else {}
    june = month_summary(folder, out, "2024-06", {**lists, "Đồng Kè": [*dk_rows(), bc_rows()[1]]})
    return june, out


def _held() -> dict:
    """BC2 (poor) written with 0 members: a row left out for an error, holding BC2 (on the
    lists, not counted: sessions 9, 10)."""
    return dict(bc_rows()[1], nhan_khau=0)


def test_held_in_a_parts_list_then_apart_counted_elsewhere_is_counted_again(tmp_path):
    """Worked by hand, one household, one story. BC2 is on the lists all along, never counted:
    in April in Bản Cọ's row left out for an error, in May in the list apart (held there as
    such a row is, session 46), in June counted on Đồng Kè's list. Nà Mòn's June month table is
    set beside its parts' latest accepted lists (sessions 35, 42, 43): Nà Mòn's start rows (no
    month accepted it: from the start list, 'plan') and Bản Cọ's April list (BC1 poor, BC2
    held, BC3 near-poor): poor 4 (NM1-NM3, BC1) to 4, near-poor 3 (NM4, NM5, BC3) to 3;
    nothing of BC2, which that baseline did not count. Đồng Kè's, beside its May list (DK1
    poor): poor 1, counted again 1 (BC2, 'Tính lại (dòng đã sửa lỗi)'), 2 (sessions 10, 39;
    session 60 B: a row left out of an accepted list of another hamlet stays 'Tính lại'); the
    commune's month row: poor 5, counted again 1, 6, no move. The year's tables, beside the
    merged start list (BC2 poor under Nà Mòn): Nà Mòn poor 5, moved out 1, 4; Đồng Kè 1, moved
    in 1, 2. Before: Đồng Kè's month table moved BC2 in from Nà Mòn ('Chuyển đến từ Nà Mòn',
    the start list's row under the merged name), which no month table moved out."""
    june, out = _seed_1576(tmp_path, _held())
    nm, dk = june["Nà Mòn"], june["Đồng Kè"]
    assert (nm["movements_month_from"], nm["merged_from"]) == ("plan", ["Bản Cọ"])
    assert poor_moves(nm, "movements_month") == (4, 0, 0, 0, 0, 0, 4)
    assert _near(nm, "movements_month") == (3, 0, 0, 0, 0, 0, 3)
    assert poor_moves(dk, "movements_month") == (1, 0, 0, 0, 0, 1, 2)
    assert poor_moves(june[""], "movements_month") == (5, 0, 0, 0, 0, 1, 6)
    assert poor_moves(nm, "movements") == (5, 0, 1, 0, 0, 0, 4)
    assert poor_moves(dk, "movements") == (1, 0, 0, 0, 1, 0, 2)
    assert poor_moves(june[""], "movements") == (6, 0, 1, 0, 1, 0, 6)
    rows = [(h, what, scope) for h, code, what, scope in listed_movements(out, "2024-06")
            if code == "BC2"]  # fmt: skip
    assert rows == [
        ("Nà Mòn", "Chuyển sang Đồng Kè", "Từ đầu năm"),
        ("Đồng Kè", "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
        ("Đồng Kè", "Tính lại (dòng đã sửa lỗi)", "So với tháng trước"),
    ]


def test_held_in_a_parts_list_then_apart_counted_elsewhere_while_silent(tmp_path):
    """The same, Nà Mòn silent in June (no table now): its baseline is still its parts' latest
    lists (session 59 A: a hamlet silent last month and now is its latest list in the month's
    baseline), Bản Cọ's April list holding BC2 in a row left out. Đồng Kè's June month table:
    poor 1, counted again 1, 2 ('Tính lại'); its year's table moves BC2 in from Nà Mòn (the
    merged start list), as before."""
    june, out = _seed_1576(tmp_path, _held(), june_na_mon=False)
    dk = june["Đồng Kè"]
    assert poor_moves(dk, "movements_month") == (1, 0, 0, 0, 0, 1, 2)
    assert poor_moves(dk, "movements") == (1, 0, 0, 0, 1, 0, 2)


@pytest.mark.parametrize("june_na_mon", [True, False])
def test_counted_in_a_parts_list_then_apart_counted_elsewhere_is_moved_in(tmp_path, june_na_mon):
    """A guard (passes before too): the same with BC2 counted on Bản Cọ's April list. Nà Mòn's
    baseline counts it, so its table moves it out to Đồng Kè (session 61 A), and Đồng Kè's
    moves it in from Nà Mòn: poor 1, moved in 1, 2, in both tables; Nà Mòn's June month table
    (when it sends) poor 5, moved out 1, 4."""
    june, out = _seed_1576(tmp_path, bc_rows()[1], june_na_mon)
    dk = june["Đồng Kè"]
    assert poor_moves(dk, "movements_month") == (1, 0, 0, 0, 1, 0, 2)
    assert poor_moves(dk, "movements") == (1, 0, 0, 0, 1, 0, 2)
    if june_na_mon:
        assert poor_moves(june["Nà Mòn"], "movements_month") == (5, 0, 1, 0, 0, 0, 4)
        assert poor_moves(june[""], "movements_month") == (6, 0, 1, 0, 1, 0, 6)
