"""Session 67 (helper X1), the lead's decision on RB's argument: a row under a household's Mã
hộ naming no head (a blank name), left out of another hamlet, is the household's row for the
walk's last row of one out of the lists (`timeline._own_row_elsewhere`).

The small commune (tests.commune), B's fixture (tests/test_session67_b_own_row_merged.py):
NM5 (Hoàng Văn NM5, 1970) near-poor on Nà Mòn's start list beside NM4. April: Nà Mòn's list
without NM5, Bản Cọ silent: NM5 left the lists (Nà Mòn's year table near-poor 2, exited 1, 1).
May: Bản Cọ and Nà Mòn both write a row under 'NM5' (the code written twice: both left out).
June: Nà Mòn the twin (Lò Thị Trùng NM5, 1981, another ID number) under 'NM5', Bản Cọ's list
NM5's own row alone (refused 'across')."""

from __future__ import annotations

import unicodedata

from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session61_b_other_household_rows import (
    asked_of,
    na_mon_with,
    near_of,
    other_head_nm5,
)


def _own_nm5(**extra) -> dict:
    """NM5's own row, its head's name typed decomposed (NFD)."""
    return {**person("NM5", "near_poor"),
            "chu_ho": unicodedata.normalize("NFD", "Hoàng Văn NM5"), **extra}  # fmt: skip


def _may(folder, out, na_mon_nm5: dict, bc_nm5: dict) -> dict:
    april = run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_with(False), "Đồng Kè": dk_rows()})
    assert near_of(april["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    return run_lists(folder, out, "2024-05",
                     {"Nà Mòn": [*na_mon_with(False), na_mon_nm5],
                      "Bản Cọ": [*bc_rows(), bc_nm5], "Đồng Kè": dk_rows()})  # fmt: skip


def _june(folder, out) -> dict:
    june = run_lists(folder, out, "2024-06",
                     {"Nà Mòn": [*na_mon_with(False), other_head_nm5()], "Bản Cọ": [_own_nm5()],
                      "Đồng Kè": dk_rows()})  # fmt: skip
    assert june["Bản Cọ"]["status"] == "rejected"
    return june


def test_a_blank_name_with_another_birth_year_and_no_id_number_is_its_row(tmp_path):
    """May's Bản Cọ row under 'NM5' names no head and gives another birth year (1990) and no
    ID number, its size 4 as typed text; Nà Mòn the twin. Matched by its Mã hộ, the row tells
    nothing against NM5 (a birth year beside no name names no head: `same_head` reads names
    and ID numbers), so it is NM5's last row, as with NM5's birth year (B's test): May, Nà
    Mòn's year table near-poor 2, not counted 1 (the twin read first), 1; month 1 to 1. June:
    the twin names another head than NM5's own rows (the start list's: Hoàng Văn NM5), so it
    holds NM5 not: Nà Mòn's year table 2, moved out 1 ("Chuyển sang Bản Cọ"), 1; its month
    table (May's list: NM4) 1 to 1; nobody asked. Fails before: not counted 1 in June."""
    folder, out = new_commune(tmp_path)
    blank = _own_nm5(chu_ho=None, nam_sinh=1990, so_dinh_danh=None, nhan_khau="4")
    may = _may(folder, out, other_head_nm5(), blank)
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "not_counted": 1, "end": 1}
    assert near_of(may["Nà Mòn"], "movements_month") == {"start": 1, "end": 1}
    june = _june(folder, out)
    assert near_of(june["Nà Mòn"], "movements") == {"start": 2, "moved_out": 1, "end": 1}
    assert near_of(june["Nà Mòn"], "movements_month") == {"start": 1, "end": 1}
    assert [r for r in listed_movements(out, "2024-06") if r[1] == "NM5"] == [
        ("Nà Mòn", "NM5", "Chuyển sang Bản Cọ", "Từ đầu năm"),
    ]
    assert asked_of(out, "2024-06") == []


def test_a_blank_name_in_its_own_hamlet_beside_its_own_row_elsewhere(tmp_path):
    """Near case (passes before too): May's row naming no head is Nà Mòn's (the hamlet NM5
    left), Bản Cọ's row names NM5's own head. The row naming its head is its last (a row naming
    no head takes a hamlet only where no row names the head: session 61's `_own_holder`,
    one household, one story): June as A2's, Nà Mòn's year table 2, moved out 1 ("Chuyển sang
    Bản Cọ"), 1; month (May's list: NM4) 1 to 1; nobody asked."""
    folder, out = new_commune(tmp_path)
    may = _may(folder, out, _own_nm5(chu_ho=None), _own_nm5())
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "not_counted": 1, "end": 1}
    assert near_of(may["Nà Mòn"], "movements_month") == {"start": 1, "end": 1}
    june = _june(folder, out)
    assert near_of(june["Nà Mòn"], "movements") == {"start": 2, "moved_out": 1, "end": 1}
    assert near_of(june["Nà Mòn"], "movements_month") == {"start": 1, "end": 1}
    assert [r for r in listed_movements(out, "2024-06") if r[1] == "NM5"] == [
        ("Nà Mòn", "NM5", "Chuyển sang Bản Cọ", "Từ đầu năm"),
    ]
    assert asked_of(out, "2024-06") == []


def test_a_blank_name_in_its_own_hamlet_beside_another_heads_row_elsewhere(tmp_path):
    """Near case (passes before too): May's row naming no head is Nà Mòn's, Bản Cọ's row under
    'NM5' names another head (the twin). No row names NM5's head, and the one row naming none
    is in the hamlet it left: its last row stays Nà Mòn's. June Nà Mòn writes NM5's own row
    again (its list NM4, NM5: counted), Bản Cọ nothing of NM5: back in Nà Mòn, year table 2 to
    2 (on the start list and June's list alike), month (May's list: NM4) 1 + new 1, returned 1
    ("Tái cận nghèo": it left the lists in April) = 2."""
    folder, out = new_commune(tmp_path)
    may = _may(folder, out, _own_nm5(chu_ho=None), other_head_nm5())
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "not_counted": 1, "end": 1}
    june = run_lists(folder, out, "2024-06",
                     {"Nà Mòn": na_mon_with(True), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    assert near_of(june["Nà Mòn"], "movements") == {"start": 2, "end": 2}
    assert near_of(june["Nà Mòn"], "movements_month") == {
        "start": 1, "new": 1, "returned": 1, "end": 2}  # fmt: skip
    assert [r for r in listed_movements(out, "2024-06") if r[1] == "NM5"] == [
        ("Nà Mòn", "NM5", "Tái cận nghèo", "So với tháng trước"),
    ]
