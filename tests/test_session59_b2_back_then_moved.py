"""Session 59 (helper B2), a near case of B's `baselines._back_elsewhere` (tests.test_session59_b_
recoded_back_moved's commune: the 2025 start list's Bản Cọ Dung 004, Em 005 poor, Phương 006
near-poor, Cường 009 poor; Nà Mòn An 001 poor, Bình 002 near-poor; Đồng Kè one of each).
February: Bản Cọ's list has no row of Em (005 gone, asked to confirm). March: Bản Cọ writes her
015 (back under another code: tái nghèo). April: Bản Cọ's list has no row of her, Nà Mòn writes
her 005 again: she moved, in the month's table as in the year's."""

from __future__ import annotations

import json
from datetime import date

from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import AN, BINH
from tests.test_session57_b2_start_list_kept import CUONG_009
from tests.test_session57_b_turn_kept import STILL, issues_of, run_january, tables_of
from tests.test_session59_b_recoded_back_moved import BAN_CO, COMMUNE, EM_005, EM_015, NA_MON
from tests.year_turn import year_turn_households


def _months(tmp_path) -> dict:
    """January as tests.test_session59_b_recoded_back_moved; February to April as the module
    says. Returns period -> its JSON, and 'out' -> the outputs' folder."""
    _, out = run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    folder, found = tmp_path / "vao", {"out": out}
    for month in (2, 3, 4):
        ban_co = [row for row in year_turn_households("Bản Cọ", 2024)
                  if row["chu_ho"] != "Hà Thị Em"]  # fmt: skip
        ban_co += na_mon_rows([CUONG_009, EM_015] if month == 3 else [CUONG_009])
        na_mon = [AN, BINH, EM_005] if month == 4 else [AN, BINH]
        for hamlet, slug, rows in (
            ("Nà Mòn", "NaMon", na_mon_rows(na_mon)),
            ("Bản Cọ", "BanCo", ban_co),
            ("Đồng Kè", "DongKe", year_turn_households("Đồng Kè", 2024)),
        ):
            write_roster(folder, f"{slug}_2025-{month:02d}.xlsx", hamlet, 100, rows,
                         f"2025-{month:02d}", date(2025, month + 1, 3))  # fmt: skip
        period = f"2025-{month:02d}"
        execute(folder, out, period)
        found[period] = json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))
    return found


def test_a_household_back_under_another_code_then_written_elsewhere_under_its_old_one_moved(
    tmp_path,
):
    """Worked by hand. March (February's lists: Bản Cọ Dung, Cường): Em back as 015, Bản Cọ's
    month table poor 2, new 1, returned 1, 3. April, against March's lists (Nà Mòn An; Bản Cọ
    Dung, Em 015, Cường) and against the start list (Em 005 in Bản Cọ) alike: Em moved from
    Bản Cọ to Nà Mòn: Nà Mòn poor 1, moved in 1, 2; Bản Cọ 3, moved out 1, 2; the commune 5,
    moved out 1, moved in 1, 5; near-poor 1 to 1 each, the commune 3 to 3; 'Biến động' lists
    the move in both scopes; no head asked anything. Before: April's month table had Bản Cọ's
    015 exited (asked to confirm) and Nà Mòn's 005 new and returned, a second return of a
    household back since March, beside the year's move."""
    found = _months(tmp_path)
    march = tables_of(found["2025-03"])["Bản Cọ"][1]
    assert march == ((2, 0, 0, 0, 0, 0, 1, 1, 0, 0, 3), STILL)
    assert tables_of(found["2025-04"]) == {
        "Nà Mòn": (NA_MON, NA_MON),
        "Bản Cọ": (BAN_CO, BAN_CO),
        "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
        None: (COMMUNE, COMMUNE),
    }
    assert listed_movements(found["out"], "2025-04") == [
        ("Nà Mòn", "005", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
        ("Bản Cọ", "005", "Chuyển sang Nà Mòn", "Từ đầu năm"),
        ("Nà Mòn", "005", "Chuyển đến từ Bản Cọ", "So với tháng trước"),
        ("Bản Cọ", "005", "Chuyển sang Nà Mòn", "So với tháng trước"),
    ]
    said = issues_of(found["out"], "2025-04")
    assert [row for row in said if row[3] != "plan-commune-target-above-start"] == []
