"""Session 34 (A3): a household moved under a new Mã hộ into a hamlet that then sends nothing,
the plan renaming that hamlet since its latest list (docs/decisions.md, "Session 34: moves
into a hamlet silent two months, or moved on from it"). The scenario of
tests/test_session34_a_silent_moves.py: April all listed; May Nà Mòn writes NM3 under the
move-out title, Bản Cọ writes it as BC9 (Hoàng Văn NM3, 1970, poor). Then the plan writes
'Bản Cọ Mới' for Bản Cọ (its targets table and start list) and Bản Cọ sends nothing."""

from __future__ import annotations

from tests.summaries import hamlet_figures
from tests.test_session31_heads_qa import moves
from tests.test_session31_renamed_late import plan
from tests.test_session32_recoded_after import about, april_may, year_moves
from tests.test_session34_a_silent_moves import send, stored


def test_a_silent_hamlet_renamed_since_its_list_keeps_the_household_moved(tmp_path):
    """June (silent one month), July and August (silent two, three). Before, the silent
    hamlet was looked for only under its name now ('Bản Cọ Mới'; its May list and records are
    stored under 'Bản Cọ'): Nà Mòn poor 3 − 1 exited = 2, NM3 vanished (a vanished-household
    in June), no trace stored. Now as when the hamlet keeps its name: Nà Mòn 3 − 1 moved out
    = 2 to Bản Cọ Mới, nothing said, NM3 stored moved_poor each month."""
    folder, out = april_may(tmp_path)
    plan(folder, {"Bản Cọ": "Bản Cọ Mới"})
    for period in ("2024-06", "2024-07", "2024-08"):
        result = send(folder, out, period)
        assert moves(hamlet_figures(result, "Nà Mòn")) == {
            "poor": {"start": 3, "moved_out": 1, "end": 2},
            "near_poor": {"start": 2, "end": 2},
        }
        assert hamlet_figures(result, "Bản Cọ Mới")["status"] == "missing"
        assert moves(result.summary["totals"])["poor"] == {"start": 3, "moved_out": 1, "end": 2}
        assert year_moves(result) == [("Nà Mòn", "NM3", "moved_out", "Bản Cọ Mới")]
        assert about(result, "NM3", "BC9") == []
        assert stored(out, period, ("NM3", "BC9")) == [("Nà Mòn", "NM3", "moved_poor")]
