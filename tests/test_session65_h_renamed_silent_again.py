"""Session 65 (helper H): the `--renames` oracle's seed 2613, reduced. The small commune
(tests.commune): Nà Mòn's start list NM1-NM3 poor, NM4, NM5 near-poor; Bản Cọ's BC1, BC2 poor,
BC3 near-poor; Đồng Kè's DK1 poor, DK2 near-poor.

April: Nà Mòn and Đồng Kè send their own lists; Bản Cọ sends nothing. The plan then renames
Bản Cọ 'Bản Cọ Trên'. May: Bản Cọ Trên sends BC1 and BC2 (the rename is found and told:
'renamed_from'); BC3 has moved to Nà Mòn, whose list writes it near-poor in a row left out for
an error (its household size 'bốn'). June: Bản Cọ Trên sends nothing; Nà Mòn's list writes BC3
near-poor, corrected.

By hand, June. Nà Mòn's month table (beside May's list: NM4, NM5 counted, BC3 held in a row
left out for an error there): near-poor start 2, BC3 counted again 1 ('Tính lại (dòng đã sửa
lỗi)'), end 3. Its move from Bản Cọ Trên was told in May, on both sides (Bản Cọ Trên's May
table, beside the start list: moved out; Nà Mòn's: moved in, not counted). Its year table
(beside the start list): near-poor start 2, moved in 1 ('Chuyển đến từ Bản Cọ Trên'), end 3.
The commune's month table (Nà Mòn and Đồng Kè accepted): near-poor start 3, counted again 1,
end 4. Before the fix, June's month baseline took 'Bản Cọ', the name April named and the plan
lacks now, for a hamlet silent then and merged since into Bản Cọ Trên (sent in May, silent
now: `baselines._joined_silent_since`, session 61 A2), and put the start list's BC3 under
Bản Cọ Trên in it: BC3 moved in a second time. The same commune without the rename passes
before and after."""

from __future__ import annotations

import json

import pytest

from tests.commune import new_commune, person, write_renamed_plan
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements


def _not_zero(table: dict) -> dict:
    return {k: v for k, v in table.items() if v}


def _june(tmp_path, renamed: bool) -> tuple[dict, object]:
    """The three months by the story above; returns June's hamlets by name and the output."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows()})
    ban_co = "Bản Cọ"
    if renamed:
        write_renamed_plan(folder, {"Bản Cọ": "Bản Cọ Trên"})
        ban_co = "Bản Cọ Trên"
    held = dict(person("BC3", "near_poor"), nhan_khau="bốn")
    may = run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(held),
                                             ban_co: bc_rows()[:2], "Đồng Kè": dk_rows()})  # fmt: skip
    # May, by hand: Nà Mòn's month table (beside April's) near-poor 2, moved in 1 and not
    # counted 1 (BC3), 2; Bản Cọ's (beside the start list) near-poor 1, moved out 1, 0
    assert _not_zero(may["Nà Mòn"]["movements_month"]["near_poor"]) == {
        "start": 2, "moved_in": 1, "not_counted": 1, "end": 2}  # fmt: skip
    assert _not_zero(may[ban_co]["movements_month"]["near_poor"]) == {"start": 1, "moved_out": 1}
    if renamed:
        assert may[ban_co]["renamed_from"] == [{"hamlet": "Bản Cọ", "period": "2024-05"}]
    corrected = person("BC3", "near_poor")
    june = run_lists(folder, out, "2024-06",
                     {"Nà Mòn": na_mon_rows(corrected), "Đồng Kè": dk_rows()})  # fmt: skip
    assert june[ban_co]["status"] == "missing"
    return june, out


@pytest.mark.parametrize("renamed", [True, False], ids=["renamed", "not-renamed"])
def test_held_after_a_move_from_a_hamlet_renamed_then_silent_is_counted_again(tmp_path, renamed):
    june, out = _june(tmp_path, renamed)
    ban_co = "Bản Cọ Trên" if renamed else "Bản Cọ"
    na_mon = june["Nà Mòn"]
    assert _not_zero(na_mon["movements_month"]["near_poor"]) == {
        "start": 2, "recounted": 1, "end": 3}  # fmt: skip
    assert _not_zero(na_mon["movements_month"]["poor"]) == {"start": 3, "end": 3}
    assert _not_zero(na_mon["movements"]["near_poor"]) == {"start": 2, "moved_in": 1, "end": 3}
    # the commune's month table: Nà Mòn's and Đồng Kè's (1 to 1)
    summary = json.loads((out / "2024-06" / "TongHop_2024-06.json").read_text("utf-8"))
    assert _not_zero(summary["totals"]["movements_month"]["near_poor"]) == {
        "start": 3, "recounted": 1, "end": 4}  # fmt: skip
    rows = [r for r in listed_movements(out, "2024-06") if r[1] == "BC3"]
    assert rows == [
        ("Nà Mòn", "BC3", f"Chuyển đến từ {ban_co}", "Từ đầu năm"),
        ("Nà Mòn", "BC3", "Tính lại (dòng đã sửa lỗi)", "So với tháng trước"),
    ]
