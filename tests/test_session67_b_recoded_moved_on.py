"""Session 67 (helper B), session 65 E2's Left (c): a household of a silent hamlet counted in
another hamlet meanwhile, gone from its hamlet's list when it sends one again, where that list
writes its head under another code, is moved out (its code placed), not paired by name.

The small commune (tests.commune): NM5 (Hoàng Văn NM5, 1970) near-poor on Nà Mòn's start list,
NM4 near-poor beside it; the start list's near-poor: Nà Mòn 2, Bản Cọ 1, Đồng Kè 1. February:
the three lists. March: Nà Mòn silent, Đồng Kè lists NM5 (its month: moved in, 1 + 1 = 2). May:
Nà Mòn's list again, NM4 and, in place of NM5, 'NM9' for NM5's own head (the same name typed
decomposed (NFD), the birth year written as text, the same ID number): its hamlet's code change.

Worked by hand, with the same lists where Nà Mòn is not silent (its March and April lists NM4
alone) beside them: the month tables of March to May add up to the same moves either way.
* (i) April: Đồng Kè without NM5 (its month 2 − 1 exited = 1, its head asked). The story: NM5
  left Nà Mòn for Đồng Kè in March, left the lists from there in April, and is back in Nà Mòn
  in May under NM9 (the walk's `_back`: tái cận nghèo, its code-changed warning naming Đồng
  Kè's March list). Loud Nà Mòn: March moved out 1, May new 1 (returned 1). Silent: Nà Mòn's
  May month table (its February list) tells both: 2 − 1 moved out + 1 new (returned 1) = 2.
  Paired by name (NM5 to NM9: nothing moved) it would leave Đồng Kè's arrival without a
  departure and the return untold: the commune's months moved in 1, exited 1, and no return.
* (ii) April: Đồng Kè lists NM5 again; May: Đồng Kè without NM5 (its month 2 − 1 exited = 1,
  asked; a move to Nà Mòn under another code is not told without a note: session 51). Loud
  Nà Mòn: March moved out 1, May new 1 (returned 0: NM5 left the lists in May itself). Silent:
  May 2 − 1 moved out + 1 new = 2.
The year's tables are alike in both: Nà Mòn's start list NM5 and May's NM9 name one head in
one hamlet, paired by name (near-poor 2 to 2, its 'code-changed' warning); Đồng Kè 1 to 1.
The pipeline tells all this already (E2's rule: the code counted elsewhere since is placed
there): these tests pin it."""

from __future__ import annotations

import unicodedata

from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session61_b_other_household_rows import asked_of, na_mon_with, near_of
from tests.test_session65_e2_moved_on_silent import near_totals

NM5 = person("NM5", "near_poor")


def _nm9() -> dict:
    """NM5's head under Nà Mòn's new code NM9: NFD name, birth year as text, NM5's ID number."""
    return person("NM9", "near_poor", chu_ho=unicodedata.normalize("NFD", "Hoàng Văn NM5"),
                  nam_sinh="1970", so_dinh_danh=NM5["so_dinh_danh"])  # fmt: skip


def _vanished(month: str) -> str:
    return (
        f"Hộ NM5 (Hoàng Văn NM5) có trong danh sách tháng {month}/2024 nhưng không có trong danh "
        "sách kỳ này; đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng, hãy ghi lại dòng của hộ "
        "(đủ các cột như các hộ khác) với Phân loại hộ 'Thoát'. Nếu hộ chỉ chuyển sang xóm khác "
        "trong xã thì không ghi lại: xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ cũ."
    )


def _to_april(tmp_path, april_nm5: bool):
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-02",
              {"Nà Mòn": na_mon_with(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    march = run_lists(folder, out, "2024-03",
                      {"Bản Cọ": bc_rows(), "Đồng Kè": [*dk_rows(), NM5]})  # fmt: skip
    assert near_of(march["Đồng Kè"], "movements_month") == {"start": 1, "moved_in": 1, "end": 2}
    dk = [*dk_rows(), NM5] if april_nm5 else dk_rows()
    april = run_lists(folder, out, "2024-04", {"Bản Cọ": bc_rows(), "Đồng Kè": dk})
    want = {"start": 2, "end": 2} if april_nm5 else {"start": 2, "exited": 1, "end": 1}
    assert near_of(april["Đồng Kè"], "movements_month") == want
    may = run_lists(folder, out, "2024-05", {
        "Nà Mòn": [*na_mon_with(False), _nm9()], "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    for hamlet in ("Nà Mòn", "Đồng Kè"):
        want = {"start": 2, "end": 2} if hamlet == "Nà Mòn" else {"start": 1, "end": 1}
        assert near_of(may[hamlet], "movements") == want
    assert near_totals(out, "2024-05", "movements") == {"start": 4, "end": 4}
    return out, may


def test_left_the_lists_from_where_it_moved_and_back_under_another_code(tmp_path):
    """(i): May, Nà Mòn's month table near-poor 2 − 1 moved out + 1 new (returned 1) = 2:
    'Biến động' "Chuyển sang Đồng Kè" (NM5) and "Tái cận nghèo" (NM9) against February's list;
    the commune's May month 4 − 1 moved out + 1 new (returned 1) = 4; nobody asked in May."""
    out, may = _to_april(tmp_path, april_nm5=False)
    assert near_of(may["Nà Mòn"], "movements_month") == {
        "start": 2, "moved_out": 1, "new": 1, "returned": 1, "end": 2}  # fmt: skip
    assert near_of(may["Đồng Kè"], "movements_month") == {"start": 1, "end": 1}
    assert near_totals(out, "2024-05", "movements_month") == {
        "start": 4, "moved_out": 1, "new": 1, "returned": 1, "end": 4}  # fmt: skip
    assert [r for r in listed_movements(out, "2024-05") if r[0] == "Nà Mòn"] == [
        ("Nà Mòn", "NM5", "Chuyển sang Đồng Kè", "So với tháng 2/2024"),
        ("Nà Mòn", "NM9", "Tái cận nghèo", "So với tháng 2/2024"),
    ]
    assert asked_of(out, "2024-05") == []


def test_gone_from_where_it_moved_the_month_its_hamlet_writes_it_under_another_code(tmp_path):
    """(ii): May, Nà Mòn's month 2 − 1 moved out + 1 new = 2 (returned 0), Đồng Kè's 2 − 1
    exited = 1 (its head asked of NM5); the commune's May month 5 − 1 exited − 1 moved out +
    1 new = 4."""
    out, may = _to_april(tmp_path, april_nm5=True)
    assert near_of(may["Nà Mòn"], "movements_month") == {
        "start": 2, "moved_out": 1, "new": 1, "end": 2}  # fmt: skip
    assert near_of(may["Đồng Kè"], "movements_month") == {"start": 2, "exited": 1, "end": 1}
    assert near_totals(out, "2024-05", "movements_month") == {
        "start": 5, "exited": 1, "moved_out": 1, "new": 1, "end": 4}  # fmt: skip
    assert [r for r in listed_movements(out, "2024-05") if r[1] in ("NM5", "NM9")] == [
        ("Nà Mòn", "NM5", "Chuyển sang Đồng Kè", "So với tháng 2/2024"),
        ("Nà Mòn", "NM9", "Phát sinh mới", "So với tháng 2/2024"),
        ("Đồng Kè", "NM5", "Không còn trong danh sách (đề nghị xác nhận)", "So với tháng trước"),
    ]
    assert asked_of(out, "2024-05") == [("Đồng Kè", None, "NM5 (Hoàng Văn NM5)", _vanished("4"))]
