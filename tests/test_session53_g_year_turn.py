"""Session 53 (helper G): the commune officer from November to February across the year's turn
(QA). Each defect found pinned by a small fixture worked out by hand.

The small commune (tests.commune): Nà Mòn 100 households, Bản Cọ 200, Đồng Kè 150; November and
December 2024 run under the 2024 plan (tests.month_lists), January 2025 under the 2025 plan."""

from __future__ import annotations

import json
from datetime import date

from pipeline.messages import in_language
from pipeline.output import NOTICES
from pipeline.run import execute
from tests.commune import person, write_roster
from tests.month_lists import november_then_december_and_january


def notices_with(text: str) -> list[str]:
    """The Vietnamese notices of the last run holding ``text``."""
    return [in_language(n, "vi") for n in NOTICES if text in in_language(n, "vi")]


# --- 1. January's list with last year's 'Kỳ báo cáo', December run again -----------------------


def test_januarys_list_left_with_last_years_month_is_no_month_to_run_before_december(tmp_path):
    """November and December 2024 run (Đồng Kè sent nothing in December); January 2025 run with
    Nà Mòn's list 'NaMon_2025-01.xlsx' whose 'Kỳ báo cáo' the head left at last year's 01/2024
    (told as January's list with its cell to correct). Đồng Kè's December list then comes late
    and December is run again. Before: December's run said the folder held a list of 01/2024
    never consolidated, and told the officer to run 2024-01, then December: that would have
    stored Nà Mòn's January 2025 households as its January 2024. Now nothing is said of 01/2024;
    December counts its three lists (poor NM1-3, BC1-2, DK1: 6; near-poor NM4, BC3, DK2: 3, of
    100 + 200 + 150 = 450 households) and says January was run with its old figures."""
    folder, out = november_then_december_and_january(tmp_path, run_december=True)
    rows = [person(f"NM{i}", "poor" if i <= 3 else "near_poor") for i in range(1, 5)]
    write_roster(folder, "NaMon_2025-01.xlsx", "Nà Mòn", 100, rows, "2024-01", date(2025, 2, 3))
    execute(folder, out, "2025-01")
    assert len(notices_with("ô 'Kỳ báo cáo' ghi 01/2024")) == 1  # January's: the cell to fix
    dk = [person("DK1", "poor"), person("DK2", "near_poor")]
    write_roster(folder, "DongKe_2024-12.xlsx", "Đồng Kè", 150, dk, "2024-12", date(2025, 2, 5))
    execute(folder, out, "2024-12")
    assert notices_with("chưa từng được tổng hợp") == []
    assert notices_with("01/2024") == []
    assert len(notices_with("Các kỳ sau (01/2025) đã được tổng hợp với số liệu cũ")) == 1
    totals = json.loads((out / "2024-12" / "TongHop_2024-12.json").read_text("utf-8"))["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (450, 6, 3)
