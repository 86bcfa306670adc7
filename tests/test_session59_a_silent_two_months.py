"""Session 59 (helper A): within the year, a hamlet silent two months running whose household is
on another hamlet's list now (the Left of "Session 58: a hamlet silent in December and January
is its start list in January's baseline …", B2).

The commune of tests.test_session58_b2_silent_both_months, in 2025 alone: the 2025 start list
writes Nà Mòn's Lò Văn An 001 and Lò Văn Cường (1953) 003 poor, Lò Văn Bình 002 near-poor; Bản
Cọ's Dung 004, Em 005 poor, Phương 006 near-poor; Đồng Kè's Giang 007 poor, Hải 008 near-poor.
Every hamlet sends its list in January 2025 as the start list writes it; Nà Mòn sends nothing
in February nor in March; Bản Cọ's March list has its own three and Cường (003, poor): he moved
there while Nà Mòn was silent."""

from __future__ import annotations

from datetime import date

from tests.test_session54_b_renumbered_within import run_renumbered_month, write_renumbered_plans
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import AN, BINH, CUONG, part_two
from tests.test_session57_a_turn_silent_moved import part_one
from tests.test_session58_b2_silent_both_months import (
    COMMUNE_IN,
    MOVED_IN,
    MOVED_OUT,
    STILL,
    tables,
)

NEW = (2, *[0] * 5, 1, 0, 0, 0, 3)  # Bản Cọ's poor as the month's table had it: new 1


def silent_in_february_and_march(tmp_path, january: bool = True) -> tuple:
    """The plans; January 2025's lists (Nà Mòn's An, Bình, Cường; none of Nà Mòn's where not
    ``january``), February's (Nà Mòn silent) and March's (Nà Mòn silent; Bản Cọ's with Cường
    003 besides its own) run. Returns the March JSON and the folders (lists, outputs)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder, [AN, BINH, CUONG])
    run_renumbered_month(folder, out, "2025-01", [AN, BINH, CUONG] if january else None,
                         date(2025, 2, 3))  # fmt: skip
    run_renumbered_month(folder, out, "2025-02", None, date(2025, 3, 3))
    summary = run_renumbered_month(folder, out, "2025-03", None, date(2025, 4, 3),
                                   {"Bản Cọ": [CUONG]})  # fmt: skip
    return summary, folder, out


def test_a_household_of_a_hamlet_silent_two_months_is_moved_in_in_both_tables(tmp_path):
    """Worked by hand. Nà Mòn sent January (An, Cường poor; Bình near-poor) and nothing since:
    no table in March. Cường, on its January list, is on Bản Cọ's March list. Bản Cọ, year (the
    start list: Dung, Em poor, Phương near-poor) and month (its February list, the same): poor
    2, moved in 1 ("Chuyển đến từ Nà Mòn"), 3; near-poor 1 to 1. Đồng Kè 1 to 1 and 1 to 1. The
    commune's tables, the sum of Bản Cọ's and Đồng Kè's: poor 3, moved in 1, 4, near-poor 2 to
    2; 'Biến động''s parts I and II as the JSON. Before: the month's table said Cường new
    ("Phát sinh mới": Bản Cọ poor 2, new 1, 3; the commune's month new 1, reported upward as a
    household newly poor), the year's moved in: one household told two ways in one workbook."""
    summary, _, out = silent_in_february_and_march(tmp_path)
    want = {"Bản Cọ": (MOVED_IN, STILL[1]), "Đồng Kè": (STILL[1], STILL[1]),
            "Tổng cộng": (COMMUNE_IN, STILL[2])}  # fmt: skip
    assert tables(summary, "movements") == want
    assert tables(summary, "movements_month") == want
    rows = [("Bản Cọ", *MOVED_IN), ("Đồng Kè", *STILL[1]), ("Tổng cộng", *COMMUNE_IN),
            ("Bản Cọ", *STILL[1]), ("Đồng Kè", *STILL[1]), ("Tổng cộng", *STILL[2])]  # fmt: skip
    assert [r for r in part_two(out, "2025-03") if r[0] != "Nà Mòn"] == rows
    assert [r for r in part_one(out, "2025-03") if r[0] != "Nà Mòn"] == rows
    assert listed_movements(out, "2025-03") == [
        ("Bản Cọ", "003", "Chuyển đến từ Nà Mòn", "Từ đầu năm"),
        ("Bản Cọ", "003", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
    ]


def test_the_move_out_follows_when_the_silent_hamlet_sends_again(tmp_path):
    """April 2025: Nà Mòn sends An and Bình, Bản Cọ keeps Cường. Nà Mòn's month table is beside
    its January list: poor 2 (An, Cường), moved out 1 ("Chuyển sang Bản Cọ"), 1; near-poor 1 to
    1; Bản Cọ beside its March list 3 to 3. March's and April's month tables together move
    Cường out once and in once, as the year's tables do; before, March's said new and April's
    moved out: a household from nowhere, then moved out to a hamlet it was new in. A guard of
    the later month (passes before)."""
    _, folder, out = silent_in_february_and_march(tmp_path)
    summary = run_renumbered_month(folder, out, "2025-04", [AN, BINH], date(2025, 5, 3),
                                   {"Bản Cọ": [CUONG]})  # fmt: skip
    month = tables(summary, "movements_month")
    assert month["Nà Mòn"] == (MOVED_OUT, STILL[1])
    assert month["Bản Cọ"] == (STILL[3], STILL[1])
    year = tables(summary, "movements")
    assert year["Nà Mòn"] == (MOVED_OUT, STILL[1])
    assert year["Bản Cọ"] == (MOVED_IN, STILL[1])


def test_a_hamlet_silent_since_the_start_of_the_year_is_its_start_list(tmp_path):
    """Nà Mòn sends nothing in January, February nor March: its state is the start list (An,
    Cường poor, Bình near-poor), as B2's January. Cường on Bản Cọ's March list: moved in from
    Nà Mòn in both of March's tables, as above (before: the month's new 1)."""
    summary, _, out = silent_in_february_and_march(tmp_path, january=False)
    want = {"Bản Cọ": (MOVED_IN, STILL[1]), "Đồng Kè": (STILL[1], STILL[1]),
            "Tổng cộng": (COMMUNE_IN, STILL[2])}  # fmt: skip
    assert tables(summary, "movements") == want
    assert tables(summary, "movements_month") == want
