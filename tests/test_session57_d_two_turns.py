"""Session 57 (helper D): S's rule of session 56 (a hamlet of last year's lists the plan no
longer has reports at the start list) over two turns. S's Left: the rule reads every stored
month before the start list, so a 2026 run counts a hamlet dropped at the 2025 turn as
reporting at 2026's start list too. Checked harmless, and needed: a 2026 run does not read the
2025 merger (the stored summaries' mergers are read in the plan year alone), so in its history
walk such a hamlet's household off the 2025 start list, on no list since, leaves the lists at
2026's start list instead, and back in 2026 it is 'Tái nghèo' as it should be; a household of
it on the 2025 lists is on another hamlet's list since and does not leave.

Session 47's small commune merged at the turn (tests.test_session47_merger_year_turn):
November and December 2024 Nà Mòn NM1-NM3, NM5 poor, NM4, NM6 near-poor; Bản Cọ BC1, BC2, BC4
poor, BC3 'Thoát' in December, BC5 poor (new in December); Đồng Kè DK1 poor, DK2 near-poor.
The 2025 plan merges Bản Cọ into Nà Mòn, its start list NM1-NM6, BC1, BC2, BC4 under Nà Mòn
(codes kept, or Bản Cọ's three renumbered NM7-NM9), DK1, DK2: BC5 is off it."""

from __future__ import annotations

from datetime import date

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets
from tests.test_session47_merger_year_turn import (
    bc4_rows,
    dk,
    merged_at_the_turn,
    nm6_rows,
    run_with_lists,
)
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import table

BC5 = person("BC5", "poor")


def test_a_hamlet_dropped_at_the_first_turn_its_household_back_after_the_second(tmp_path):
    """January and December 2025: Nà Mòn lists the start list's nine, Đồng Kè its two. The 2026
    plan (Nà Mòn, Đồng Kè) has those lists for its start list; January 2026 the same, and BC5
    poor on Đồng Kè's list. BC5 left the lists at the 2025 turn and is back. Worked by hand,
    January 2026, both tables (December 2025's lists and the 2026 start list hold the same
    households): Nà Mòn poor 7 (NM1-NM3, NM5 and Bản Cọ's three) to 7, near-poor 2 to 2,
    nothing moved (Bản Cọ's 2024 households do not leave again); Đồng Kè poor 1 + new 1, of
    which returned 1 (BC5) = 2, near-poor 1 to 1; the commune poor 8 + 1 (returned 1) = 9,
    near-poor 3 to 3. BC5 listed 'Tái nghèo' in both scopes. With the rule kept to 2025's
    months (the year just closed), this fails: BC5 never leaves in the 2026 run's walk (Bản
    Cọ reports at neither start list there), new 1, returned 0."""
    for codes in ({}, {"BC1": "NM7", "BC2": "NM8", "BC4": "NM9"}):
        place = tmp_path / str(len(codes))
        place.mkdir()
        folder, out = merged_at_the_turn(place, (BC5,), codes)
        na_mon = [dict(row, ma_ho=codes.get(row["ma_ho"], row["ma_ho"])) for row in
                  [*nm6_rows(), *bc4_rows()] if row["ma_ho"] != "BC3"]  # fmt: skip
        lists = {"Nà Mòn": na_mon, "Đồng Kè": dk()}
        run_with_lists(folder, out, "2025-01", lists, date(2025, 2, 3))
        run_with_lists(folder, out, "2025-12", lists, date(2026, 1, 3))
        hamlets = [dict(h) for h in plan_hamlets() if h["hamlet"] != "Bản Cọ"]
        hamlets[0].update(start_households=300, start_poor=7, start_near_poor=2)
        start = [dict(row, hamlet="Nà Mòn") for row in na_mon] + [
            dict(row, hamlet="Đồng Kè") for row in dk()]  # fmt: skip
        for stt, row in enumerate(start, start=1):
            row["stt"] = stt
        write_plan_workbook(folder / "KeHoach_2026.xlsx", {**PLAN_INFO, "plan_year": 2026},
                            hamlets, start)  # fmt: skip
        summary = run_with_lists(
            folder, out, "2026-01", {"Nà Mòn": na_mon, "Đồng Kè": [*dk(), BC5]}, date(2026, 2, 3)
        )
        # start, to the other list, exited, not counted, moved out, from the other list, new,
        # returned, moved in, recounted, end
        want = {
            "Nà Mòn": ((7, *[0] * 9, 7), (2, *[0] * 9, 2)),
            "Đồng Kè": ((1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 2), (1, *[0] * 9, 1)),
        }
        commune = ((8, 0, 0, 0, 0, 0, 1, 1, 0, 0, 9), (3, *[0] * 9, 3))
        for hamlet in summary["hamlets"]:
            name = hamlet["hamlet"]
            assert (codes, name, table(hamlet["movements_month"])) == (codes, name, want[name])
            assert (codes, name, table(hamlet["movements"])) == (codes, name, want[name])
        assert (codes, table(summary["totals"]["movements_month"])) == (codes, commune)
        assert (codes, table(summary["totals"]["movements"])) == (codes, commune)
        assert (codes, listed_movements(out, "2026-01")) == (codes, [
            ("Đồng Kè", "BC5", "Tái nghèo", "Từ đầu năm"),
            ("Đồng Kè", "BC5", "Tái nghèo", "So với tháng trước"),
        ])  # fmt: skip
