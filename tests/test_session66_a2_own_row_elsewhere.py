"""Session 66 (helper A2): a household out of the lists whose own head a row left out of another
hamlet names (its code written twice there, beside another household's row under it in the
hamlet it left) was last seen there: the other household's row alone under its code in the
hamlet it left, a month later, holds it not (the oracle's seed 2967; session 62 B's rule, its
`_last_listed_in`: the hamlet whose accepted list last wrote the household's own row).

The small commune (tests.commune): NM5 (Hoàng Văn NM5, 1970) near-poor on Nà Mòn's start list,
NM4 near-poor beside it. The twin: Lò Thị Trùng (1981, another ID number) written under 'NM5',
a valid row (4 members), left out only as the code written twice (CONTRACT §4)."""

from __future__ import annotations

import unicodedata

from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session61_b_other_household_rows import (
    VANISHED_NM5,
    asked_of,
    na_mon_with,
    near_of,
    other_head_nm5,
)


def _own_nm5() -> dict:
    """NM5's own row, its head's name typed decomposed (NFD), as some keyboards leave it."""
    return person("NM5", "near_poor", chu_ho=unicodedata.normalize("NFD", "Hoàng Văn NM5"))


def _april_and_may(folder, out, nm5_in_may: dict) -> None:
    """April: Nà Mòn's list without NM5, Bản Cọ silent: NM5 left the lists (both of Nà Mòn's
    tables near-poor 2, exited 1, 1; its head asked). May: Bản Cọ writes NM5's own row, Nà Mòn
    ``nm5_in_may`` under 'NM5': both rows left out (the code written twice); Nà Mòn's year
    table has NM5 'Chưa tính' (its row read first, as before this change), its month table
    (April's list) 1 to 1."""
    april = run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_with(False), "Đồng Kè": dk_rows()})
    assert near_of(april["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    assert asked_of(out, "2024-04") == [("Nà Mòn", None, "NM5 (Hoàng Văn NM5)", VANISHED_NM5)]
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": [*na_mon_with(False), nm5_in_may],
                     "Bản Cọ": [*bc_rows(), _own_nm5()], "Đồng Kè": dk_rows()})  # fmt: skip
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "not_counted": 1, "end": 1}
    assert near_of(may["Nà Mòn"], "movements_month") == {"start": 1, "end": 1}
    assert asked_of(out, "2024-05") == []


def test_a_twin_in_the_hamlet_it_left_holds_not_one_last_seen_elsewhere(tmp_path):
    """Worked by hand. June: Bản Cọ's list writes NM5's own row alone, Nà Mòn the twin again:
    Bản Cọ's list refused ('across': its every row left out), the twin's row left out alone.
    NM5's last row is Bản Cọ's May row (its own head); the twin names another head and ID
    number (session 48: two households), so it holds not NM5 in Nà Mòn; NM5 is where it was
    last seen (session 11), in a row left out of Bản Cọ, refused now: Nà Mòn's year table
    near-poor 2, moved out 1 ('Chuyển sang Bản Cọ', 'Dòng có lỗi, chưa tính'), 1; its month
    table (May's list: NM4) 1 to 1; nobody asked again. Before: the twin held NM5 in Nà Mòn
    (the walk's last row of NM5 the start list's, Nà Mòn): not counted 1, 'Chưa tính (dòng
    có lỗi)'."""
    folder, out = new_commune(tmp_path)
    _april_and_may(folder, out, other_head_nm5())
    june = run_lists(folder, out, "2024-06",
                     {"Nà Mòn": [*na_mon_with(False), other_head_nm5()], "Bản Cọ": [_own_nm5()],
                      "Đồng Kè": dk_rows()})  # fmt: skip
    assert june["Bản Cọ"]["status"] == "rejected"
    assert near_of(june["Nà Mòn"], "movements") == {"start": 2, "moved_out": 1, "end": 1}
    assert near_of(june["Nà Mòn"], "movements_month") == {"start": 1, "end": 1}
    assert [r for r in listed_movements(out, "2024-06") if r[1] == "NM5"] == [
        ("Nà Mòn", "NM5", "Chuyển sang Bản Cọ", "Từ đầu năm"),
    ]
    assert asked_of(out, "2024-06") == []


def test_its_own_head_back_in_the_hamlet_it_left_is_held_there(tmp_path):
    """A guard (passes before too): June, Nà Mòn's row under 'NM5' names NM5's own head (back
    in a row left out, the code written twice beside Bản Cọ's refused list): that row holds
    NM5 in Nà Mòn: its year table near-poor 2, not counted 1, 1."""
    folder, out = new_commune(tmp_path)
    _april_and_may(folder, out, other_head_nm5())
    june = run_lists(folder, out, "2024-06",
                     {"Nà Mòn": [*na_mon_with(False), person("NM5", "near_poor")],
                      "Bản Cọ": [_own_nm5()], "Đồng Kè": dk_rows()})  # fmt: skip
    assert june["Bản Cọ"]["status"] == "rejected"
    assert near_of(june["Nà Mòn"], "movements") == {"start": 2, "not_counted": 1, "end": 1}
