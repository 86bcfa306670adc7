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
from tests.year_turn import FIRST_CODE, SLUGS, write_year_turn_plans, year_turn_households

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


# --- 2. the start list renumbered, no stored month of last year ------------------------------------


def test_lists_in_old_codes_without_last_years_months_are_their_own_hamlets(tmp_path):
    """The commune's first year with the tool: no month of 2024 stored. The 2025 start list
    renumbers the codes (Nà Mòn's households, 001-003 on the heads' old paper lists, are
    004-006; Bản Cọ's 004-006 are 001-003) and both heads write January's list in their old
    codes. Before: nothing told last year's codes, so the two lists closed a ring and were
    refused as a swap of files ('swapped-title'), each as the other hamlet's list, told "Nếu
    đây là danh sách của xóm Bản Cọ, hãy sửa ô 'Xóm' …" though every head on Nà Mòn's list is
    Nà Mòn's on the start list. Now the heads decide: each list is refused as its own hamlet's
    (variant 'renumbered-heads', at its 'Mã hộ' column), told to write each household's code
    on the start list and never to change 'Xóm'. Followed: both lists counted, 300 households,
    5 poor (An, Bình, Dung, Em, Giang), 3 near-poor (Cường, Phương, Hải), no movement since
    the start of the year."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_year_turn_plans(folder, years=(2025,))
    for hamlet, slug in SLUGS.items():
        year = 2025 if hamlet == "Đồng Kè" else 2024  # Đồng Kè's codes unchanged
        write_roster(folder, f"{slug}_2025-01.xlsx", hamlet, 100, year_turn_households(hamlet, year),
                     "2025-01", date(2025, 2, 3))  # fmt: skip
    result, _, _ = execute(folder, out, "2025-01")
    said = sorted(
        (i.file, i.hamlet, i.detail, i.variant, i.column, i.cell)
        for i in result.issues
        if i.code == "hamlet-codes-of-file-name"
    )
    assert said == [
        ("BanCo_2025-01.xlsx", "Bản Cọ", "Nà Mòn", "renumbered-heads", "Mã hộ", ""),
        ("NaMon_2025-01.xlsx", "Nà Mòn", "Bản Cọ", "renumbered-heads", "Mã hộ", ""),
    ]
    words = next(i for i in result.issues if i.file == "NaMon_2025-01.xlsx" and i.variant)
    words = words.message("vi")
    assert words == (
        "Các hộ trong danh sách là các hộ xóm Nà Mòn trong danh sách đầu năm (theo tên chủ hộ "
        "và năm sinh), nhưng các mã hộ ghi trong danh sách là mã của các hộ xóm Bản Cọ trong "
        "danh sách đầu năm (có lẽ còn ghi mã hộ cũ, trước khi mã hộ được đánh lại; tệp "
        "'BanCo_2025-01.xlsx' của xóm Bản Cọ cũng ghi mã hộ không khớp danh sách đầu năm), nên "
        "tệp chưa được tính. Không sửa ô 'Xóm': hãy ghi lại cột 'Mã hộ' theo mã hộ của từng hộ "
        "trong danh sách đầu năm rồi gửi lại."
    )
    assert FIRST_CODE[2025]["Nà Mòn"] == 4  # the advice followed: each list in the new codes
    for hamlet in ("Nà Mòn", "Bản Cọ"):
        write_roster(folder, f"{SLUGS[hamlet]}_2025-01.xlsx", hamlet, 100,
                     year_turn_households(hamlet, 2025), "2025-01", date(2025, 2, 6))  # fmt: skip
    execute(folder, out, "2025-01")
    summary = json.loads((out / "2025-01" / "TongHop_2025-01.json").read_text("utf-8"))
    totals = summary["totals"]
    assert (totals["households"], totals["poor"], totals["near_poor"]) == (300, 5, 3)
    for hamlet in summary["hamlets"]:
        moves = hamlet["movements"]
        moved = [(k, v) for n in ("poor", "near_poor") for k, v in moves[n].items()
                 if k not in ("start", "end") and v]  # fmt: skip
        assert (hamlet["hamlet"], moved) == (hamlet["hamlet"], [])
