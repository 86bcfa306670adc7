"""Session 57 (helper A): a household moved at the year's turn out of a hamlet that sent no
December list (the QA gate's `--turn` seed 550, "Left" of "Session 56: the QA gate on the merged
code"). The commune of tests.test_session54_b_renumbered_within: Nà Mòn's Lò Văn An 001 poor,
Lò Văn Bình 002 near-poor, Lò Văn Cường (1953) 003 poor in November 2024; Bản Cọ's Dung 004, Em
005 poor, Phương 006 near-poor; Đồng Kè's Giang 007 poor, Hải 008 near-poor. Nà Mòn sends no
December list; the 2025 start list has An 001 and Bình 002 in Nà Mòn and Cường under 009 in Bản
Cọ (B's shape of session 56, `tests.test_session56_b_turn_moved`, its hamlet silent in
December)."""

from __future__ import annotations

from datetime import date

import openpyxl

from tests.test_session54_b_renumbered_within import run_renumbered_month, write_renumbered_plans
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import (
    AN,
    BINH,
    CUONG,
    MOVED,
    month_tables_and_a_still_year,
    part_two,
    table,
)


def silent_in_december(tmp_path) -> tuple:
    """The plans (Cường under Bản Cọ's 009 on the 2025 start list), November 2024 run (Nà Mòn:
    An, Bình, Cường 003) and December (Nà Mòn silent). Returns the folders (lists, outputs)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder, [AN, BINH], MOVED)
    run_renumbered_month(folder, out, "2024-11", [AN, BINH, CUONG], date(2024, 12, 3))
    run_renumbered_month(folder, out, "2024-12", None, date(2025, 1, 3))
    return folder, out


def part_one(out, period: str) -> list[tuple]:
    """'Biến động' part I's rows (the year's table: the poor, then the near-poor): (Xóm,
    columns D-N), the total row's cached values as Excel shows them."""
    sheet = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx", data_only=True)
    rows = list(sheet["Biến động"].iter_rows(values_only=True))
    at = next(i for i, row in enumerate(rows) if str(row[0]).startswith("I. "))
    end = next(i for i, row in enumerate(rows) if str(row[0]).startswith("II. "))
    return [(row[1] or row[0], *row[3:14]) for row in rows[at:end]
            if isinstance(row[0], int) or row[0] == "Tổng cộng"]  # fmt: skip


def test_a_household_moved_at_the_turn_out_of_a_hamlet_silent_in_december_moved(tmp_path):
    """January 2025: Nà Mòn lists An 001 and Bình 002, Bản Cọ its own and Cường 009, as the
    start list. Worked by hand, the month table: Nà Mòn beside its start list (no December
    list), and Cường, on its latest list of 2024 (November) and on the start list in Bản Cọ
    (one 'Lò Văn Cường' 1953 a side of the commune: B's rule), under 009: poor start 2 (An,
    Cường), moved out 1 (to Bản Cọ), end 1; near-poor 1 (Bình) to 1; Bản Cọ beside its December
    list, poor start 2 (Dung, Em), moved in 1 (Cường, from Nà Mòn), end 3, near-poor 1 to 1;
    Đồng Kè 1 to 1 in both; the commune poor 5, moved out 1, moved in 1, end 5 (no exit,
    nothing new), near-poor 3 to 3: the figures of B's test where Nà Mòn sent December. The
    year's table (the start list): Nà Mòn 1 and 1, Bản Cọ 3 and 1, Đồng Kè 1 and 1, nothing
    moved; the commune 5 and 3. Before: Nà Mòn poor 1 to 1, Bản Cọ poor new 1 (009 "Phát sinh
    mới"), the commune's month table poor start 4, new 1."""
    folder, out = silent_in_december(tmp_path)
    summary = run_renumbered_month(folder, out, "2025-01", [AN, BINH], date(2025, 2, 3), MOVED)
    # start, to the other list, exited, not counted, moved out, from the other list, new,
    # returned, moved in, recounted, end
    still = {1: (1, *[0] * 9, 1), 3: (3, *[0] * 9, 3), 5: (5, *[0] * 9, 5)}
    na_mon = ((2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1), still[1])
    ban_co = ((2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3), still[1])
    commune = ((5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), still[3])
    month = {"Nà Mòn": na_mon, "Bản Cọ": ban_co, "Đồng Kè": (still[1], still[1])}
    year = {"Nà Mòn": (1, 1), "Bản Cọ": (3, 1), "Đồng Kè": (1, 1)}
    month_tables_and_a_still_year(summary, month, year)
    assert table(summary["totals"]["movements_month"]) == commune
    assert table(summary["totals"]["movements"]) == (still[5], still[3])
    assert part_two(out, "2025-01") == [
        *[(name, *month[name][0]) for name in month], ("Tổng cộng", *commune[0]),
        *[(name, *month[name][1]) for name in month], ("Tổng cộng", *commune[1]),
    ]  # fmt: skip
    assert part_one(out, "2025-01") == [
        ("Nà Mòn", *still[1]), ("Bản Cọ", *still[3]), ("Đồng Kè", *still[1]),
        ("Tổng cộng", *still[5]),
        ("Nà Mòn", *still[1]), ("Bản Cọ", *still[1]), ("Đồng Kè", *still[1]),
        ("Tổng cộng", *still[3]),
    ]  # fmt: skip
    assert listed_movements(out, "2025-01") == [  # Nà Mòn's table is beside its start list
        ("Nà Mòn", "009", "Chuyển sang Bản Cọ", "So với danh sách đầu năm"),
        ("Bản Cọ", "009", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
    ]
    assert summary["issues"]["warnings"] == 0


def test_a_household_moved_before_the_turn_is_its_december_lists(tmp_path):
    """A guard: Cường also on Bản Cọ's December list (as 003: he moved in December, Bản Cọ's
    December table said so). January as above: Bản Cọ's December list holds him (B's pairing
    within the hamlet gives its row 009), so Nà Mòn's baseline is its start list alone: Nà Mòn
    poor 1 to 1, Bản Cọ poor 3 to 3, nothing moved; the commune poor 5 to 5. With December's
    lists left out of the pairing, Nà Mòn's November row would take the start list's 009: Nà
    Mòn moved out 1, the commune start 6."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder, [AN, BINH], MOVED)
    run_renumbered_month(folder, out, "2024-11", [AN, BINH, CUONG], date(2024, 12, 3))
    run_renumbered_month(folder, out, "2024-12", None, date(2025, 1, 3), {"Bản Cọ": [CUONG]})
    summary = run_renumbered_month(folder, out, "2025-01", [AN, BINH], date(2025, 2, 3), MOVED)
    still = {n: (n, *[0] * 9, n) for n in (1, 3, 5)}
    month = {"Nà Mòn": (still[1], still[1]), "Bản Cọ": (still[3], still[1]),
             "Đồng Kè": (still[1], still[1])}  # fmt: skip
    month_tables_and_a_still_year(summary, month, {"Nà Mòn": (1, 1), "Bản Cọ": (3, 1),
                                                   "Đồng Kè": (1, 1)})  # fmt: skip
    assert table(summary["totals"]["movements_month"]) == (still[5], still[3])
    assert listed_movements(out, "2025-01") == []
