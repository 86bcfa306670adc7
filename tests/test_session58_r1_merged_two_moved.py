"""Session 58 (review R1 of helper B's `baselines._joined_silent_now`): the same shape with two
and three of the merged hamlet's households on another hamlet's January list.

The commune of tests.test_session47_merger_year_turn: November 2024 Nà Mòn NM1-NM3, NM5 poor,
NM4, NM6 near-poor; Bản Cọ BC1, BC2, BC4 poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor.
Bản Cọ sends no December list. The 2025 plan merges Bản Cọ into Nà Mòn: its start list writes
BC1, BC2, BC4 under Nà Mòn, BC3 off it. January 2025: Nà Mòn sends nothing; Đồng Kè lists DK1,
DK2 and two (BC1, BC2) or all three of Bản Cọ's households."""

from __future__ import annotations

from datetime import date

from tests.test_session47_merger_year_turn import bc4_rows, dk, merged_at_the_turn, run_with_lists
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import part_two, table, warned

STILL_1 = (1, *[0] * 9, 1)
BLANK = (None,) * 11


def _moved_in(n: int) -> tuple[int, ...]:
    """Poor: DK1 at the start, ``n`` moved in, 1 + n at the end."""
    return (1, *[0] * 7, n, 0, 1 + n)


def _january(tmp_path, codes: tuple[str, ...]) -> tuple[dict, object]:
    folder, out = merged_at_the_turn(tmp_path, silent=True)
    moved = [r for r in bc4_rows() if r["ma_ho"] in codes]
    summary = run_with_lists(folder, out, "2025-01", {"Đồng Kè": [*dk(), *moved]}, date(2025, 2, 3))
    return summary, out


def test_two_of_a_merged_silent_hamlets_households_moved_while_its_joined_hamlet_is_silent(
    tmp_path,
):
    """Worked by hand, as helper B's one household: BC1 and BC2 were poor on Bản Cọ's latest
    list (November), the start list writes them under Nà Mòn, which sent December; Nà Mòn is
    silent now, so both are moved in to Đồng Kè from Nà Mòn, in the year's table (the start
    list) and the month's (December: DK1, DK2 in Đồng Kè; BC1, BC2, BC4 Nà Mòn's): poor 1,
    moved in 2, 3; near-poor 1 to 1; the commune's tables Đồng Kè's. Nothing is asked of
    Đồng Kè's head. Before: two of Bản Cọ's three households on Đồng Kè's list read as Bản Cọ
    merged into Đồng Kè by the lists (Nà Mòn, the start list's hamlet, silent, was not looked
    at): its month table started from 4 poor (DK1, BC1, BC2, BC4) and said BC4, never on its
    list, "Không còn trong danh sách (đề nghị xác nhận)" (exited 1, 3), and asked its head to
    confirm BC4 gone from "danh sách tháng 12/2024 của xóm"."""
    summary, out = _january(tmp_path, ("BC1", "BC2"))
    na_mon, dong_ke = summary["hamlets"]
    assert (na_mon["hamlet"], na_mon["status"], dong_ke.get("merged_from")) == (
        "Nà Mòn", "missing", None)  # fmt: skip
    for scope in ("movements", "movements_month"):
        assert (scope, table(dong_ke[scope])) == (scope, (_moved_in(2), STILL_1))
        assert (scope, table(summary["totals"][scope])) == (scope, (_moved_in(2), STILL_1))
    assert part_two(out, "2025-01") == [
        ("Nà Mòn", *BLANK), ("Đồng Kè", *_moved_in(2)), ("Tổng cộng", *_moved_in(2)),
        ("Nà Mòn", *BLANK), ("Đồng Kè", *STILL_1), ("Tổng cộng", *STILL_1),
    ]  # fmt: skip
    assert listed_movements(out, "2025-01") == [
        ("Đồng Kè", "BC1", "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
        ("Đồng Kè", "BC2", "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
        ("Đồng Kè", "BC1", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
        ("Đồng Kè", "BC2", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
    ]
    assert warned(out, "2025-01") == ["plan-commune-target-above-start"]


def test_all_of_a_merged_silent_hamlets_households_moved_while_its_joined_hamlet_is_silent(
    tmp_path,
):
    """All three (BC1, BC2, BC4) on Đồng Kè's January list: moved in 3 from Nà Mòn in both
    tables (poor 1, 3, 4). Before: the month's table read Bản Cọ merged into Đồng Kè (poor 4 to
    4, nothing moved) while the year's moved three in from Nà Mòn: two stories."""
    summary, out = _january(tmp_path, ("BC1", "BC2", "BC4"))
    dong_ke = summary["hamlets"][1]
    for scope in ("movements", "movements_month"):
        assert (scope, table(dong_ke[scope])) == (scope, (_moved_in(3), STILL_1))
        assert (scope, table(summary["totals"][scope])) == (scope, (_moved_in(3), STILL_1))
    assert [row[1:3] for row in listed_movements(out, "2025-01")] == [
        (code, "Chuyển đến từ Nà Mòn") for code in ("BC1", "BC2", "BC4")
    ] * 2
