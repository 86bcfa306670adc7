"""Session 66 (helper S): a start row a revision moves to a hamlet silent since the start of
the year, told gone before under the hamlet it was given then (RE's strict xfail,
tests/test_session66_re_silent_hamlet_moved_row.py, passes with the same fix).

E's commune (tests/test_session63_e_back_start_rows.py): Khuổi Hin, Nà Mòn and Đồng Kè, every
household poor. February to April the plan gives Khuổi Hin K1 and B2 (Hoàng Văn B2), Nà Mòn N1,
Đồng Kè C1; Khuổi Hin's lists write K1, Đồng Kè's C1, Nà Mòn sends nothing: February's table
counts B2 gone in Khuổi Hin and asks its head (the record: B2 ``unlisted`` under Khuổi Hin).
May's plan (a revision) moves B2 to Nà Mòn's start rows; Nà Mòn's first list is May's.

The fix: the walk is told the month a record told a start row gone (it left the lists then,
every list of that month lacking it, its hamlet now silent then or not) and the start column of
a hamlet silent since the start leaves such a row out (one household, one leaving).
"""

from __future__ import annotations

import unicodedata

from tests.commune import person
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session63_e_back_start_rows import B2, C1, FEB, K1, N1, run_steps
from tests.test_session64_a_back_in_plan import asked, poor_of

FIRST = {"Khuổi Hin": [K1, B2], "Nà Mòn": [N1], "Đồng Kè": [C1]}
SILENT = {"Khuổi Hin": [K1], "Đồng Kè": [C1]}  # Nà Mòn sends nothing
ONE = (1, *[0] * 9, 1)
TWO = (2, *[0] * 9, 2)


def test_a_moved_row_told_gone_back_on_the_silent_hamlets_first_list_is_tai_ngheo(tmp_path):
    """The revision writes B2's head "HOÀNG VĂN B2" in NFD (the same head folded); Nà Mòn's
    May and June lists write N1 and B2. Worked by hand: B2 left the lists in February (every
    list lacked it, asked then); April's lists ended at 2 (the commune's month table 3 with Nà
    Mòn's start column N1 alone). May: the year's table Nà Mòn 2 to 2 (B2 a start row, listed),
    the commune 4 to 4; the month's table Nà Mòn 1, returned (tái nghèo) 1, 2, the commune 3,
    returned 1, 4, B2's row "Tái nghèo" "So với danh sách đầu năm"; nothing asked. June: every
    table 2 to 2 in Nà Mòn, nothing listed. The same as Nà Mòn sending N1 February to April
    (then "So với tháng trước"). Before the fix: May's month table Nà Mòn 2 to 2, the commune
    4 to 4, no row (B2 in the silent hamlet's start column, the walk never taking it off)."""
    same = {**B2, "chu_ho": unicodedata.normalize("NFD", "HOÀNG VĂN B2")}
    moved = {"Khuổi Hin": [K1], "Nà Mòn": [N1, same], "Đồng Kè": [C1]}
    lists = {"Khuổi Hin": [K1], "Nà Mòn": [N1, B2], "Đồng Kè": [C1]}
    steps = [(p, FIRST, SILENT) for p in ("2024-02", "2024-03", "2024-04")]
    steps += [(p, moved, lists) for p in ("2024-05", "2024-06")]
    done, out = run_steps(tmp_path, steps)
    assert asked(out, "2024-02") == ["B2 (Hoàng Văn B2)"]
    may = done["2024-05"]
    assert poor_of(may, "movements")["Nà Mòn"] == TWO
    assert poor_of(may, "movements")[None] == (4, *[0] * 9, 4)
    assert poor_of(may, "movements_month")["Nà Mòn"] == (1, *[0] * 5, 1, 1, 0, 0, 2)
    assert poor_of(may, "movements_month")[None] == (3, *[0] * 5, 1, 1, 0, 0, 4)
    assert asked(out, "2024-05") == []
    assert listed_movements(out, "2024-05") == [
        ("Nà Mòn", "B2", "Tái nghèo", "So với danh sách đầu năm")
    ]
    june = done["2024-06"]
    assert poor_of(june, "movements")["Nà Mòn"] == TWO
    assert poor_of(june, "movements_month")["Nà Mòn"] == TWO
    assert asked(out, "2024-06") == []
    assert listed_movements(out, "2024-06") == []


def test_another_household_under_the_code_in_the_silent_hamlet_is_still_asked(tmp_path):
    """The revision gives Nà Mòn a start row B2 whose head is Lò Thị Khác (another household
    under the code, RE's rule: February's record named Hoàng Văn B2); Nà Mòn's lists write N1.
    Worked by hand (no month told her row): May both tables Nà Mòn 2, gone 1, 1, the commune 4,
    gone 1, 3, "B2 (Lò Thị Khác)" asked of Nà Mòn's head; June the month's tables 1 to 1 a
    hamlet, her row "từ tháng 5/2024". The same before the fix (pinned: the fix takes no
    leaving a record told of another head)."""
    other = person("B2", "poor", chu_ho="Lò Thị Khác")
    moved = {"Khuổi Hin": [K1], "Nà Mòn": [N1, other], "Đồng Kè": [C1]}
    steps = [(p, FIRST, SILENT) for p in ("2024-02", "2024-03", "2024-04")]
    steps += [(p, moved, FEB) for p in ("2024-05", "2024-06")]
    done, out = run_steps(tmp_path, steps)
    may = done["2024-05"]
    for key in ("movements", "movements_month"):
        assert poor_of(may, key)["Nà Mòn"] == (2, 0, 1, *[0] * 7, 1), key
        assert poor_of(may, key)[None] == (4, 0, 1, *[0] * 7, 3), key
    assert asked(out, "2024-05") == ["B2 (Lò Thị Khác)"]
    june = done["2024-06"]
    assert poor_of(june, "movements_month")["Nà Mòn"] == ONE
    assert poor_of(june, "movements_month")[None] == (3, *[0] * 9, 3)
    assert asked(out, "2024-06") == []
    since_may = "Không còn trong danh sách từ tháng 5/2024 (không ghi 'Thoát')"
    assert listed_movements(out, "2024-06") == [("Nà Mòn", "B2", since_may, "Từ đầu năm")]
