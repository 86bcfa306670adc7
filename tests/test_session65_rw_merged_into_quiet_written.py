"""Session 65 (review RW): B's month baseline putting a hamlet merged into one silent now under
that one (B's Left (a), made) keeps the list as written for session 63 R5's 'code-changed'
message, at the year's turn too (R5's own case, within the year, is
tests/test_session63_r5_left_out_reused_review.py)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, plan_hamlets
from tests.test_session47_merger_year_turn import dk, nm6_rows, run_with_lists
from tests.test_session63_r5_left_out_reused_review import lines, other_head
from tests.test_session64_g_turn_merged_slip import bc_rows, tuan


@pytest.mark.parametrize("code", ["BC2", "NM9"])
def test_at_the_turn_a_code_of_the_merged_hamlet_names_decembers_list_as_written(tmp_path, code):
    """November and December 2024 the three lists (Bản Cọ BC1-BC4); the 2025 plan merges Bản Cọ
    into Nà Mòn (its start list keeping BC2's code, or renumbering it NM9); January Nà Mòn sends
    nothing, Đồng Kè's list writes another head under that code with 0 members (row 7). Told:
    the code is Hoàng Văn BC2's on December's list of Bản Cọ (the list as written, though the
    month baseline holds its rows under Nà Mòn now, in the start list's codes), and the size.
    With NM9, before the review's second fix (the written names keyed by December's codes):
    "… của xóm Nà Mòn"."""
    folder, out = new_commune(tmp_path)
    nm7 = tuan("NM7", "poor", "Lò Văn Tú")
    lists = {"Nà Mòn": [*nm6_rows(), nm7], "Bản Cọ": bc_rows(), "Đồng Kè": dk()}
    run_with_lists(folder, out, "2024-11", lists, date(2024, 12, 3))
    run_with_lists(folder, out, "2024-12", lists, date(2025, 1, 3))
    hamlets = [dict(h) for h in plan_hamlets() if h["hamlet"] != "Bản Cọ"]
    hamlets[0].update(start_households=300, start_poor=7, start_near_poor=3)
    start = [dict(row, hamlet="Nà Mòn") for row in [*nm6_rows(), nm7, *bc_rows()]]
    start += [dict(row, hamlet="Đồng Kè") for row in dk()]
    for stt, row in enumerate(start, start=1):
        row["stt"] = stt
        row["ma_ho"] = code if row["ma_ho"] == "BC2" else row["ma_ho"]
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025}, hamlets,
                        start)  # fmt: skip
    sent = {"Đồng Kè": [*dk(), other_head(code, "poor")]}
    run_with_lists(folder, out, "2025-01", sent, date(2025, 2, 3))
    said = lines(out, "2025-01")
    assert [(r[0], r[1], r[2]) for r in said] == [
        ("Đồng Kè", "B7", "code-changed"),
        ("Đồng Kè", "H7", "invalid-household-size"),
    ]
    assert said[0][3].startswith(
        f"Mã hộ '{code}' đã là mã của hộ 'Hoàng Văn BC2' trong danh sách tháng 12/2024 của xóm Bản "
        "Cọ; nay ghi cho hộ 'Lò Thị Khác', "
    )
