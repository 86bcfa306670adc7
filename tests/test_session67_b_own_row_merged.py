"""Session 67 (helper B), session 66 A2's Left: a household out of the lists whose own head a
row left out of another hamlet names, that hamlet merged into a third since; and such a row
naming no head (the household's row: the lead's decision, helper X1).

The small commune (tests.commune): NM5 (Hoàng Văn NM5, 1970) near-poor on Nà Mòn's start list,
NM4 near-poor beside it. April: Nà Mòn's list without NM5, Bản Cọ silent: NM5 left the lists
(Nà Mòn's year table near-poor 2, exited 1, 1). May: Bản Cọ writes NM5's row, Nà Mòn the twin
(Lò Thị Trùng, 1981, another ID number) under 'NM5': both left out, the code written twice;
Nà Mòn's year table 'Chưa tính' 1 (its row read first), its month table (April's list) 1 to 1.
June: Nà Mòn the twin again, beside a list writing NM5's own row alone (refused 'across')."""

from __future__ import annotations

import unicodedata

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, plan_hamlets, start_list
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


def _bc_merged_into_dk(folder) -> None:
    """KeHoach_2024.xlsx revised: Bản Cọ merged into Đồng Kè (350 households, 3 poor, 2
    near-poor), Bản Cọ's start households under Đồng Kè on the start list."""
    hamlets = [dict(h, start_households=350, start_poor=3, start_near_poor=2)
               if h["hamlet"] == "Đồng Kè" else h
               for h in plan_hamlets() if h["hamlet"] != "Bản Cọ"]  # fmt: skip
    start = [dict(r, hamlet="Đồng Kè") if r["hamlet"] == "Bản Cọ" else r for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)


def _april_and_may(folder, out, bc_nm5: dict) -> None:
    april = run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_with(False), "Đồng Kè": dk_rows()})
    assert near_of(april["Nà Mòn"], "movements") == {"start": 2, "exited": 1, "end": 1}
    may = run_lists(folder, out, "2024-05",
                    {"Nà Mòn": [*na_mon_with(False), other_head_nm5()],
                     "Bản Cọ": [*bc_rows(), bc_nm5], "Đồng Kè": dk_rows()})  # fmt: skip
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "not_counted": 1, "end": 1}
    assert near_of(may["Nà Mòn"], "movements_month") == {"start": 1, "end": 1}
    assert asked_of(out, "2024-05") == []


def test_its_own_row_in_a_hamlet_merged_since_is_its_last(tmp_path):
    """June, the plan revised: Bản Cọ merged into Đồng Kè; Đồng Kè's list writes NM5's own row
    alone (refused 'across'), Nà Mòn the twin. Worked by hand as A2's June (Bản Cọ not merged:
    Nà Mòn's year table moved out 1, "Chuyển sang Bản Cọ"): NM5's own head was last written in
    Bản Cọ's May list, part of Đồng Kè now; the twin names another head, so holds not NM5 in Nà
    Mòn: Nà Mòn's year table near-poor 2, moved out 1, 1 ("Chuyển sang Đồng Kè", the hamlet
    Bản Cọ joined); its month table (May's list) 1 to 1; nobody asked again. Before: the walk
    read May's rows under Đồng Kè, the name now, and the walk's hamlets under Bản Cọ, the name
    stored, so it found no row of NM5's head elsewhere: the twin held NM5, not counted 1."""
    folder, out = new_commune(tmp_path)
    _april_and_may(folder, out, _own_nm5())
    _bc_merged_into_dk(folder)
    june = run_lists(folder, out, "2024-06",
                     {"Nà Mòn": [*na_mon_with(False), other_head_nm5()], "Đồng Kè": [_own_nm5()]})  # fmt: skip
    assert june["Đồng Kè"]["status"] == "rejected"
    assert near_of(june["Nà Mòn"], "movements") == {"start": 2, "moved_out": 1, "end": 1}
    assert near_of(june["Nà Mòn"], "movements_month") == {"start": 1, "end": 1}
    assert [r for r in listed_movements(out, "2024-06") if r[1] == "NM5"] == [
        ("Nà Mòn", "NM5", "Chuyển sang Đồng Kè", "Từ đầu năm"),
    ]
    assert asked_of(out, "2024-06") == []


def test_a_row_naming_no_head_elsewhere_is_its_last(tmp_path):
    """Decided by the lead (session 67, on RB's argument; changed by helper X1 from B's 'not
    counted 1'): May's Bản Cọ row under 'NM5' names no head (a blank name: left out for that
    too), with NM5's birth year, size and ID number. June: Bản Cọ's list NM5's own row alone
    (refused 'across'), Nà Mòn the twin. The contract matches households by Mã hộ, and a row
    naming no head tells nothing against it (the walk's `_another_household` takes such a row
    as the household's; the oracle's `_last_listed_in` any row of the code), so May's Bản Cọ row
    is NM5's last, and the twin in Nà Mòn, naming another head, holds it not: worked by hand as
    A2's June, Nà Mòn's year table near-poor 2, moved out 1 ("Chuyển sang Bản Cọ"), 1; its
    month table (May's list: NM4) 1 to 1; nobody asked again. Before: not counted 1 ('Chưa
    tính (dòng có lỗi)')."""
    folder, out = new_commune(tmp_path)
    _april_and_may(folder, out, _own_nm5(chu_ho=None))
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
