"""Session 53 (helper R1): an adversarial review of the same session's year's-turn changes
(helpers G and G2), as real hamlets would break them. Each defect found pinned by a small
fixture worked out by hand.

The small commune (tests.commune): Nà Mòn 100 households, Bản Cọ 200, Đồng Kè 150; November and
December 2024 run under the 2024 plan (tests.month_lists), January 2025 under the 2025 plan."""

from __future__ import annotations

import json
from datetime import date

from pipeline.run import execute
from tests.commune import person, write_roster
from tests.month_lists import november_then_december_and_january
from tests.test_session53_g_year_turn import notices_with

# --- 1. a late list named for the month it was sent ----------------------------------------------


def test_a_late_list_named_for_the_month_it_was_sent_is_still_told_to_run_its_month(tmp_path):
    """November and December 2024 run, Đồng Kè sending nothing in December. Its head sends his
    December list in February, saved as 'DongKe_2025-02.xlsx' (the month he sends it; 'Kỳ báo
    cáo' 12/2024), and the officer runs January 2025 with it in the folder. Session 53's rule
    (a file named for a month after the run's is no earlier month's list) had left it unsaid:
    the late list was never told. A file named for a month after the run's is left out only
    where its cell is a year or more before its name's month (last year's month left in a file
    filled in again); this one, two months before, is told as a late list of 12/2024, with the
    command to run December. Followed: December counts Đồng Kè too, 450 households (100 + 200 +
    150), 6 poor (NM1-3, BC1-2, DK1) and 3 near-poor (NM4, BC3, DK2)."""
    folder, out = november_then_december_and_january(tmp_path, run_december=True)
    dk = [person("DK1", "poor"), person("DK2", "near_poor")]
    write_roster(folder, "DongKe_2025-02.xlsx", "Đồng Kè", 150, dk, "2024-12", date(2025, 2, 5))
    execute(folder, out, "2025-01")
    told = notices_with("Có danh sách kỳ 12/2024 của xóm Đồng Kè ('DongKe_2025-02.xlsx')")
    assert len(told) == 1 and told[0].endswith("--period 2024-12"), told
    execute(folder, out, "2024-12")  # as the notice says
    totals = json.loads((out / "2024-12" / "TongHop_2024-12.json").read_text("utf-8"))["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (450, 6, 3)
