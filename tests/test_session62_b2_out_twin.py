"""Session 62 (helper B2): a household already out of the lists (left off its hamlet's list),
whose code a twin alone writes in another hamlet while the household's own row is on a list
refused 'across', is not held by that twin: the twin's row is not its last listing (helper B's
Left (2); the oracle's seeds 1097 and 1102).

The small commune (tests.commune): NM5 (Hoàng Văn NM5, 1970) near-poor on Nà Mòn's start list.
The twin: Lò Thị Trùng (1981, another ID number), written under 'NM5' in Đồng Kè's list, a
valid row (4 members): left out only as the code written twice (CONTRACT §4.2). Bản Cọ's list
writing NM5 alone is then refused whole ('across', session 53)."""

from __future__ import annotations

import pytest

from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session61_b_other_household_rows import na_mon_with, near_of, other_head_nm5


def nm5_out_then_in_ban_co(tmp_path, may: dict, april_nm5: list[dict] = ()) -> dict:
    """April: Nà Mòn's list without NM5 (``april_nm5`` added to it), Bản Cọ silent; May:
    ``may``'s lists; June: Bản Cọ's list (BC1, BC2 poor, BC3 near-poor) with NM5 near-poor.
    June's summary by hamlet, and its household list's rows of NM5."""
    folder, out = new_commune(tmp_path)
    april = run_lists(folder, out, "2024-04",
                      {"Nà Mòn": [*na_mon_with(False), *april_nm5], "Đồng Kè": dk_rows()})  # fmt: skip
    assert near_of(april["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_with(False), **may})
    june = run_lists(folder, out, "2024-06",
                     {"Nà Mòn": na_mon_with(False), "Bản Cọ": [*bc_rows(), person("NM5", "near_poor")],
                      "Đồng Kè": dk_rows()})  # fmt: skip
    return june, [r for r in listed_movements(out, "2024-06") if r[1] == "NM5"]


# May: Bản Cọ's list writing NM5 alone refused 'across', the twin left out in Đồng Kè's; or,
# the same household's story without the twin, Bản Cọ silent
TWIN = {"Bản Cọ": [person("NM5", "near_poor")], "Đồng Kè": [*dk_rows(), other_head_nm5()]}
NO_TWIN = {"Đồng Kè": dk_rows()}


@pytest.mark.parametrize("may", [TWIN, NO_TWIN], ids=["twin", "no-twin"])
def test_out_of_the_lists_its_code_written_by_a_twin_alone_is_moved_in_when_counted(tmp_path, may):
    """Worked by hand. NM5 left Nà Mòn's list in April while Bản Cọ was silent; Bản Cọ's May
    list (NM5) is refused, Đồng Kè's twin row under NM5 is another household's (another head,
    another ID number: session 48). June: Bản Cọ, never accepted before, is compared with its
    start list (BC3 near-poor): NM5 left Nà Mòn while Bản Cọ was silent, so it may have been
    there: moved in from Nà Mòn (session 55, N), in both tables: near-poor 1, moved in 1, 2;
    Nà Mòn's year table 2, moved out 1, 1, its month table (May's list) 1 to 1. Without the
    twin (Bản Cọ silent in May) the same. Before, with the twin: Bản Cọ's month table read the
    twin's row as NM5's last listing, out of the lists then: new 1, returned 1 ('Tái cận
    nghèo', from 'Dòng có lỗi, chưa tính')."""
    june, nm5 = nm5_out_then_in_ban_co(tmp_path, may)
    assert near_of(june["Bản Cọ"], "movements_month") == {"start": 1, "moved_in": 1, "end": 2}
    assert near_of(june["Bản Cọ"], "movements") == {"start": 1, "moved_in": 1, "end": 2}
    assert near_of(june["Nà Mòn"], "movements") == {"start": 2, "moved_out": 1, "end": 1}
    assert near_of(june["Nà Mòn"], "movements_month") == {"start": 1, "end": 1}
    assert nm5 == [
        ("Nà Mòn", "NM5", "Chuyển sang Bản Cọ", "Từ đầu năm"),
        ("Bản Cọ", "NM5", "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
        ("Bản Cọ", "NM5", "Chuyển đến từ Nà Mòn", "So với danh sách đầu năm"),
    ]


def test_marked_thoat_before_the_twin_is_back_when_counted(tmp_path):
    """A guard (passes before): NM5 written 'Thoát' on Nà Mòn's April list left the lists by
    its row; counted in Bản Cọ in June it is back (tái cận nghèo) in Bản Cọ's month table
    (start list: BC3; near-poor 1, new 1 of which returned 1, 2), the twin's May row or not.
    (Session 63, G: the twin's row holds not NM5 there either, its 'before' column 'Thoát':
    tests/test_session63_g_thoat_twin.py.)"""
    june, _ = nm5_out_then_in_ban_co(tmp_path, TWIN, [person("NM5", "exited")])
    assert near_of(june["Bản Cọ"], "movements_month") == {
        "start": 1, "new": 1, "returned": 1, "end": 2}  # fmt: skip
