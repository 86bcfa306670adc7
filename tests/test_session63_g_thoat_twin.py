"""Session 63 (helper G): a household out of the lists by its own 'Thoát' row, whose code a twin
alone writes in another hamlet afterwards, is not held by that twin: its story is told from its
own last row (session 62 B2's 'Thoát' guard, left as before by B2).

The small commune (tests.commune): NM5 (Hoàng Văn NM5, 1970) near-poor on Nà Mòn's start list.
The twin: Lò Thị Trùng (1981, another ID number) written under 'NM5' in Đồng Kè's list (a valid
row left out only as the code written twice, or a row with 0 members, an error of its own)."""

from __future__ import annotations

import openpyxl
import pytest

from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session61_b_other_household_rows import na_mon_with, near_of, other_head_nm5
from tests.test_session62_b2_out_twin import TWIN, nm5_out_then_in_ban_co


def said_rows(out, period: str, code: str) -> list[tuple]:
    """'Biến động''s household list: (hamlet, Mã hộ, movement, before, now, scope) of ``code``."""
    wb = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")
    rows = list(wb["Biến động"].iter_rows(values_only=True))
    at = next(i for i, row in enumerate(rows) if row[0] == "DANH SÁCH HỘ CÓ BIẾN ĐỘNG")
    return [(r[1], r[2], r[5], r[6], r[7], r[8]) for r in rows[at + 2 :]
            if isinstance(r[0], int) and r[2] == code]  # fmt: skip


# June's 'Biến động' rows of NM5: the year's move (as before), the month's return from 'Thoát'
JUNE_NM5 = [
    ("Nà Mòn", "NM5", "Chuyển sang Bản Cọ", "Hộ cận nghèo", "Hộ cận nghèo", "Từ đầu năm"),
    ("Bản Cọ", "NM5", "Chuyển đến từ Nà Mòn", "Hộ cận nghèo", "Hộ cận nghèo", "Từ đầu năm"),
    ("Bản Cọ", "NM5", "Tái cận nghèo", "Thoát", "Hộ cận nghèo", "So với danh sách đầu năm"),
]


@pytest.mark.parametrize("may", [TWIN, {"Đồng Kè": dk_rows()}], ids=["twin", "no-twin"])
def test_thoat_then_a_twin_elsewhere_is_back_from_thoat(tmp_path, may):
    """Worked by hand. April: Nà Mòn's list writes NM5 'Thoát' (it left the lists), Bản Cọ
    silent. May: Bản Cọ's list writes NM5 alone, refused 'across' (session 53), and Đồng Kè's
    the twin under NM5, left out as the code written twice; or (no twin) Đồng Kè's own rows,
    Bản Cọ silent. June: Bản Cọ (never accepted before: its start list, BC3 near-poor) counts
    NM5. NM5's own last row is April's 'Thoát': back ('Tái cận nghèo') in Bản Cọ's month table,
    near-poor 1, new 1 of which returned 1, 2, and its 'Đầu kỳ' column says 'Thoát', the row
    NM5 left by; the twin's row (another head, another ID number: session 48) is no row of
    NM5's. The year's tables as before: Nà Mòn 2, moved out 1, 1; Bản Cọ 1, moved in 1, 2.
    Before, with the twin: the same figures, the column 'Dòng có lỗi, chưa tính' (the twin's
    row read as NM5's last listing)."""
    june, _ = nm5_out_then_in_ban_co(tmp_path, may, [person("NM5", "exited")])
    assert near_of(june["Bản Cọ"], "movements_month") == {
        "start": 1, "new": 1, "returned": 1, "end": 2}  # fmt: skip
    assert near_of(june["Bản Cọ"], "movements") == {"start": 1, "moved_in": 1, "end": 2}
    assert near_of(june["Nà Mòn"], "movements") == {"start": 2, "moved_out": 1, "end": 1}
    assert said_rows(tmp_path / "ra", "2024-06", "NM5") == JUNE_NM5


@pytest.mark.parametrize("twin", [True, False], ids=["twin", "no-twin"])
def test_thoat_then_back_under_another_code_beside_a_twin_is_back(tmp_path, twin):
    """Worked by hand. April: Nà Mòn's list writes NM5 'Thoát', Bản Cọ silent. May: Bản Cọ's
    list counts Hoàng Văn NM5 (1970, NM5's head) near-poor under NM9, a code never listed;
    Đồng Kè's list writes the twin under NM5 with 0 members (a row left out for its own error),
    or not. One household out of the lists, back under another code (session 49): Bản Cọ's
    month and year tables (its start list: BC3) near-poor 1, new 1 of which returned 1, 2
    ('Tái cận nghèo'); Nà Mòn's year table 2, exited 1, 1, its month table (April's list) 1 to
    1. Before, with the twin: NM9 new, returned 0 ('Phát sinh mới'): the twin's row under NM5
    made NM5 present in May, so the walk looked for it under no other code."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": [*na_mon_with(False), person("NM5", "exited")], "Đồng Kè": dk_rows()})  # fmt: skip
    nm9 = dict(person("NM5", "near_poor"), ma_ho="NM9")
    dk = [*dk_rows(), other_head_nm5(nhan_khau=0)] if twin else dk_rows()
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": na_mon_with(False), "Bản Cọ": [*bc_rows(), nm9], "Đồng Kè": dk})  # fmt: skip
    back = {"start": 1, "new": 1, "returned": 1, "end": 2}
    assert near_of(may["Bản Cọ"], "movements_month") == back
    assert near_of(may["Bản Cọ"], "movements") == back
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    assert near_of(may["Nà Mòn"], "movements_month") == {"start": 1, "end": 1}
    assert [row[2] for row in said_rows(out, "2024-05", "NM9")] == ["Tái cận nghèo"] * 2
