"""Session 59 (helper H): R1's Left (b) of "Session 58: review of B's merged hamlet silent at the
turn": B's commune a month later, the hamlet silent in January back in February, compared with
the start list, while January's tables already moved one of its start households out.

The commune of tests.test_session47_merger_year_turn: November 2024 Nà Mòn NM1-NM3, NM5 poor,
NM4, NM6 near-poor; Bản Cọ BC1, BC2, BC4 poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor.
Bản Cọ sends no December list. The 2025 plan merges Bản Cọ into Nà Mòn: its start list writes
BC1, BC2, BC4 under Nà Mòn, BC3 off it. January 2025: Nà Mòn sends nothing; Đồng Kè lists DK1,
DK2 and BC2 (moved in from Nà Mòn, both tables: session 58, B). February: Nà Mòn lists NM1-NM6,
BC1, BC4; Đồng Kè DK1, DK2, BC2 again. A pin of the figures as they are (worked by hand), and why
they stay: see the test's words."""

from __future__ import annotations

from datetime import date

import openpyxl

from tests.test_session47_merger_year_turn import (
    bc4_rows,
    dk,
    merged_at_the_turn,
    nm6_rows,
    run_with_lists,
)
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import table


def _february(tmp_path) -> tuple[dict, object]:
    folder, out = merged_at_the_turn(tmp_path, silent=True)
    bc2 = [r for r in bc4_rows() if r["ma_ho"] == "BC2"]
    run_with_lists(folder, out, "2025-01", {"Đồng Kè": [*dk(), *bc2]}, date(2025, 2, 3))
    na_mon = [*nm6_rows(), *(r for r in bc4_rows() if r["ma_ho"] in ("BC1", "BC4"))]
    lists = {"Nà Mòn": na_mon, "Đồng Kè": [*dk(), *bc2]}
    return run_with_lists(folder, out, "2025-02", lists, date(2025, 3, 3)), out


def test_a_household_moved_out_of_a_silent_hamlet_in_january_is_moved_out_when_it_sends(
    tmp_path,
):
    """Worked by hand, by the rule the officer guide says ('Biến động': a hamlet silent in
    January "shows no move out … the month it does [send], its table (beside the start list)
    shows the move out"; session 58, B2; session 55's spans). January told BC2's move in at
    Đồng Kè (poor 1, 1 moved in, 2); Nà Mòn, silent, had no table. February compares Nà Mòn with
    the start list (no list of it this year), Đồng Kè with its January list: Nà Mòn poor 7, 1
    moved out (BC2, "So với danh sách đầu năm"), 6, near-poor 2 to 2; Đồng Kè poor 2 to 2,
    near-poor 1 to 1; the commune poor 9, 1 moved out, 8 (BC2 at the start of both tables, each
    of its own span: January's move in and February's move out count it once each), near-poor
    3 to 3; the spans note says the total adds tables from the start list and from January, a
    move counted on one side. The year's table (the start list) moves BC2 from Nà Mòn to Đồng
    Kè: Nà Mòn 7, 1 out, 6; Đồng Kè 1, 1 in, 2; the commune 8, 1 out, 1 in, 8.

    Not changed (session 59, H: R1's Left (b)): leaving BC2 out of Nà Mòn's February start
    (the commune 8 to 8) would tell it apart from a hamlet silent in one month of the year and
    back in the next, compared with its latest list, a household of which another hamlet's
    list took meanwhile: there the oracles (tests/test_session38_oracle.py, `oracle`'s
    `month_bases`: each hamlet's own latest list) count it at both starts, as here."""
    summary, out = _february(tmp_path)
    na_mon, dong_ke = summary["hamlets"]
    assert (na_mon["hamlet"], na_mon["movements_month_from"]) == ("Nà Mòn", "plan")
    moved_out = (7, 0, 0, 0, 1, *[0] * 5, 6)
    assert table(na_mon["movements_month"]) == (moved_out, (2, *[0] * 9, 2))
    assert table(dong_ke["movements_month"]) == ((2, *[0] * 9, 2), (1, *[0] * 9, 1))
    assert table(summary["totals"]["movements_month"]) == (
        (9, 0, 0, 0, 1, *[0] * 5, 8), (3, *[0] * 9, 3))  # fmt: skip
    assert table(na_mon["movements"]) == (moved_out, (2, *[0] * 9, 2))
    assert table(dong_ke["movements"]) == ((1, *[0] * 7, 1, 0, 2), (1, *[0] * 9, 1))
    assert table(summary["totals"]["movements"]) == (
        (8, 0, 0, 0, 1, 0, 0, 0, 1, 0, 8), (3, *[0] * 9, 3))  # fmt: skip
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (8, 3)
    assert listed_movements(out, "2025-02") == [
        ("Nà Mòn", "BC2", "Chuyển sang Đồng Kè", "Từ đầu năm"),
        ("Đồng Kè", "BC2", "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
        ("Nà Mòn", "BC2", "Chuyển sang Đồng Kè", "So với danh sách đầu năm"),
    ]
    ws = openpyxl.load_workbook(out / "2025-02" / "TongHop_2025-02.xlsx")["Biến động"]
    spans = [r[0] for r in ws.iter_rows(values_only=True)
             if isinstance(r[0], str) and r[0].startswith("Dòng Tổng cộng")]  # fmt: skip
    assert spans == [
        "Dòng Tổng cộng là tổng số liệu của các xóm, tính từ các mốc khác nhau: xóm Nà Mòn từ "
        "danh sách đầu năm, các xóm còn lại từ tháng 1/2025. Hộ chuyển xóm trong khoảng đó có "
        "thể chỉ tính ở một bên (chuyển đi hoặc chuyển đến)."
    ]
