"""Session 65 (helper E), session 64 F's Left (b): a household a silent hamlet's latest list
still has, that moved to another hamlet after it and left that hamlet's list since.

The small commune (tests.commune): NM5 (Hoàng Văn NM5, 1970) near-poor on Nà Mòn's start list;
the start list's near-poor: Nà Mòn 2 (NM4, NM5), Bản Cọ 1, Đồng Kè 1. February: the three lists.
March: Nà Mòn silent, Đồng Kè lists NM5 (moved in). April: Nà Mòn silent, Đồng Kè without NM5
(its month's table: exited). May: Nà Mòn's list without NM5; Bản Cọ writes 'Lò Thị Trùng NM5'
(1981, her own ID number) under NM5, its fourth row (Mã hộ in B8, size in H8).

May's baseline row of NM5 is Nà Mòn's February list (Nà Mòn's latest); Đồng Kè's March list, a
month older than Đồng Kè's baseline (April) but later than February, is the latest list having
it. The warning names that one ("danh sách tháng 3/2024 của xóm Đồng Kè"): before, February's
list of Nà Mòn, a hamlet the household had left in March.

Building it found the tables wrong too: with Bản Cọ's row counted (4 members), NM5 read as moved
out of Nà Mòn (both tables) while Bản Cọ counts its row new: a move out with no move in. Đồng
Kè's March row naming NM5's own head was taken for a head of the other hamlet's row; it is the
household itself, moved there and gone. Now NM5 is exited of Nà Mòn, as with no row in Bản Cọ
(the code reused: each household counted as were the other not there, session 48)."""

from __future__ import annotations

from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session61_b_other_household_rows import na_mon_with, near_of, other_head_nm5
from tests.test_session63_r5_left_out_reused_review import lines as said
from tests.test_session64_f_reused_heads import COUNTED, b8_everywhere, left_out

MARCH_DONG_KE = "danh sách tháng 3/2024"


def may(tmp_path, nhan_khau: int) -> tuple:
    """The months above; May with Bản Cọ's row of ``nhan_khau`` members: (folder, out, May's
    hamlets)."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-02",
              {"Nà Mòn": na_mon_with(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    run_lists(folder, out, "2024-03",
              {"Bản Cọ": bc_rows(), "Đồng Kè": [*dk_rows(), person("NM5", "near_poor")]})  # fmt: skip
    april = run_lists(folder, out, "2024-04", {"Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})
    # Đồng Kè's April: 1 + 1 moved in (March) = 2 at the month's start, NM5 gone: exited
    assert near_of(april["Đồng Kè"], "movements_month") == {"start": 2, "exited": 1, "end": 1}
    may = run_lists(folder, out, "2024-05", {
        "Nà Mòn": na_mon_with(False), "Bản Cọ": [*bc_rows(), other_head_nm5(nhan_khau=nhan_khau)],
        "Đồng Kè": dk_rows()})  # fmt: skip
    return folder, out, may


def in_dong_ke(words: str) -> str:
    """The words naming Đồng Kè's list, not Nà Mòn's."""
    return words.replace("của xóm Nà Mòn;", "của xóm Đồng Kè;")


def test_a_counted_row_names_the_later_list_of_the_hamlet_the_household_moved_to(tmp_path):
    """May, Bản Cọ's row counted (4 members): told 'reused' at B8 naming Đồng Kè's March list,
    in the run, the head's copy and `check`. The tables: Bản Cọ near-poor 1 + 1 new = 2 (both);
    Nà Mòn 2 - 1 exited = 1 in the year's table (NM5 on its start list, in no hamlet now), 2 - 1
    moved out = 1 in the month's (on its February list, moved to Đồng Kè in March: session 65
    E2), Đồng Kè 1 to 1 in both. Before: February's list of Nà Mòn
    named, and NM5 moved out of Nà Mòn (2 - 1 moved out) with nobody moved in."""
    folder, out, hamlets = may(tmp_path, 4)
    assert (
        b8_everywhere(folder, out, "2024-05")
        == (in_dong_ke(COUNTED.format(listed=MARCH_DONG_KE)),) * 3
    )
    for scope in ("movements", "movements_month"):
        assert near_of(hamlets["Bản Cọ"], scope) == {"start": 1, "new": 1, "end": 2}
        assert near_of(hamlets["Đồng Kè"], scope) == {"start": 1, "end": 1}
    assert near_of(hamlets["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    # (the month's: moved out to Đồng Kè in March, exited from there in April: session 65 E2)
    assert near_of(hamlets["Nà Mòn"], "movements_month") == {"start": 2, "moved_out": 1, "end": 1}


def test_a_row_left_out_names_the_later_list_of_the_hamlet_the_household_moved_to(tmp_path):
    """May, Bản Cọ's row with 0 members (left out, H8): told 'reused-left-out' at B8 naming Đồng
    Kè's March list (run, copy, `check`), beside the size's error. The tables: Bản Cọ 1 to 1,
    Nà Mòn 2 - 1 exited = 1 (year), 2 - 1 moved out = 1 (month: session 65 E2). Before:
    February's list of Nà Mòn named."""
    folder, out, hamlets = may(tmp_path, 0)
    assert [r[:3] for r in said(out, "2024-05")] == [
        ("Bản Cọ", "B8", "code-changed"),
        ("Bản Cọ", "H8", "invalid-household-size"),
    ]
    assert b8_everywhere(folder, out, "2024-05") == (in_dong_ke(left_out(MARCH_DONG_KE)),) * 3
    for scope in ("movements", "movements_month"):
        assert near_of(hamlets["Bản Cọ"], scope) == {"start": 1, "end": 1}
    assert near_of(hamlets["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    assert near_of(hamlets["Nà Mòn"], "movements_month") == {"start": 2, "moved_out": 1, "end": 1}
