"""Session 64 (helper E, from the **Left** (1) of "Session 62: a household held in a merged part's
row left out, then in its old head's list apart, counted elsewhere is counted again …" (A2)):
``figuresteps._based_at`` kept, for a part merged since into a hamlet silent now, the start list's
row under the merged name of a household the part's latest list had left off (gone from the
lists there): a household so, held in the list apart and counted elsewhere, was moved in from
the merged hamlet, a move no table moves out.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor; Bản Cọ BC1, BC2 poor,
BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor."""

from __future__ import annotations

from tests.commune import new_commune, write_merged_plan
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session61_a_merged_apart_moved import month_summary, poor_moves


def test_left_off_a_parts_list_held_apart_counted_elsewhere_beside_the_merged_silent(tmp_path):
    """Worked by hand, one household, one story. April: Nà Mòn's list refused (no month accepts
    it), Bản Cọ's lists BC1, BC3 (BC2 left off: gone, asked then), Đồng Kè's DK1, DK2. The plan
    merges Bản Cọ into Nà Mòn from May. May: Nà Mòn held apart (its head's NM1-NM5, Bản Cọ's old
    head's list apart BC1-BC3: BC2 held there, 'Chưa tính (danh sách gửi riêng)'). June: Nà Mòn
    silent, Đồng Kè lists DK1, DK2 and BC2 (poor). Đồng Kè's month table, beside its May list:
    poor 1, new 1 ('Tái nghèo': BC2 had left the lists in April, no list counted it since),
    2, the commune (Đồng Kè alone) alike; the year's, beside the merged start list (BC2 under
    Nà Mòn): 1, moved in 1, 2. July: Nà Mòn lists NM1-NM5, BC1, BC3: its month table, beside
    its start rows and Bản Cọ's April list, poor 4 to 4, nothing of BC2; Đồng Kè 2 to 2; the
    commune's month row 6 to 6, the year's 6, moved out 1, moved in 1, 6: the move of the
    year's tables once, the return once. The same as with Nà Mòn sending in June. Before: June
    said 'Chuyển đến từ Nà Mòn' (moved in 1) in Đồng Kè's month table, the commune's moved in
    1, and no month table ever moved BC2 out."""
    folder, out = new_commune(tmp_path)
    bc1, bc2, bc3 = bc_rows()
    month_summary(folder, out, "2024-04",
                  {"Nà Mòn": na_mon_rows(), "Bản Cọ": [bc1, bc3], "Đồng Kè": dk_rows()},
                  refused=("Nà Mòn",))  # fmt: skip
    assert [r for r in listed_movements(out, "2024-04") if r[1] == "BC2"] == [
        ("Bản Cọ", "BC2", "Không còn trong danh sách (đề nghị xác nhận)", "Từ đầu năm"),
    ]
    write_merged_plan(folder)
    may = month_summary(folder, out, "2024-05",
                        {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    assert may["Nà Mòn"]["status"] == "rejected"
    june = month_summary(folder, out, "2024-06", {"Đồng Kè": [*dk_rows(), bc2]})
    assert june["Nà Mòn"]["status"] == "missing"
    assert poor_moves(june["Đồng Kè"], "movements_month") == (1, 0, 0, 1, 0, 0, 2)
    assert june["Đồng Kè"]["movements_month"]["poor"]["returned"] == 1
    assert poor_moves(june[""], "movements_month") == (1, 0, 0, 1, 0, 0, 2)
    assert poor_moves(june["Đồng Kè"], "movements") == (1, 0, 0, 0, 1, 0, 2)
    assert [r for r in listed_movements(out, "2024-06") if r[1] == "BC2"] == [
        ("Đồng Kè", "BC2", "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
        ("Đồng Kè", "BC2", "Tái nghèo", "So với tháng trước"),
    ]
    july = month_summary(folder, out, "2024-07",
                         {"Nà Mòn": na_mon_rows(bc1, bc3), "Đồng Kè": [*dk_rows(), bc2]})  # fmt: skip
    assert poor_moves(july["Nà Mòn"], "movements_month") == (4, 0, 0, 0, 0, 0, 4)
    assert poor_moves(july["Đồng Kè"], "movements_month") == (2, 0, 0, 0, 0, 0, 2)
    assert poor_moves(july[""], "movements_month") == (6, 0, 0, 0, 0, 0, 6)
    assert poor_moves(july[""], "movements") == (6, 0, 1, 0, 1, 0, 6)
