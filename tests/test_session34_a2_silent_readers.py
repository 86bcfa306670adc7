"""Session 34: the other readers of a silent hamlet's rows (moves.households_moved_back, the
month's table of a hamlet compared with an older list, moves.said_moved_out_by_name) when the
hamlet was silent one month or two (docs/decisions.md, "Session 34: a silent hamlet's other
readers, and the start list under several plans"). The small commune (tests.commune): the
start list's Nà Mòn NM1, NM2, NM3 poor, NM4, NM5 near-poor, Bản Cọ BC1, BC2 poor, BC3
near-poor, every head 'Hoàng Văn <code>' born 1970. Each figure is the one of the same months
with Bản Cọ sending."""

from __future__ import annotations

import pytest

from pipeline.run import execute
from tests.commune import new_commune, person
from tests.summaries import hamlet_figures
from tests.test_session31_heads_qa import month_lists, moves
from tests.test_session32_moves import uncoded
from tests.test_session32_recoded_after import about, april_may, lists, month, year_moves
from tests.test_session32_recoded_move import recoded
from tests.test_session34_a_silent_moves import send, stored


def _back_in_august(tmp_path, silent: tuple[str, ...]):
    """April, May as tests.test_session32_recoded_after.april_may (NM3 moved to Bản Cọ as
    BC9); June and July Bản Cọ writes BC9, or sends nothing in the months ``silent``; August
    Bản Cọ writes the household under its old code NM3 again. Returns August's result."""
    folder, out = april_may(tmp_path)
    for period in ("2024-06", "2024-07"):
        if period in silent:
            send(folder, out, period)
        else:
            month(folder, out, period, [recoded("NM3", "BC9", "poor")])
        assert stored(out, period, ("NM3",)) == [("Nà Mòn", "NM3", "moved_poor")]
    return month(folder, out, "2024-08", [recoded("NM3", "NM3", "poor")])


def _august_as_when_sent(august) -> None:
    """August as when Bản Cọ sent BC9 in June and July: the year's table Nà Mòn poor 3 − 1
    moved out = 2, Bản Cọ 2 + 1 moved in (NM3) = 3; the month's table (Bản Cọ against its
    latest list, with BC9) pairs BC9 and NM3 there by head's name and year: Bản Cọ 3 = 3, Nà
    Mòn 2 = 2, the commune 5 = 5; nothing said of NM3 or BC9 ('Biến động': the year's rows
    alone)."""
    assert moves(hamlet_figures(august, "Nà Mòn"))["poor"] == {"start": 3, "moved_out": 1, "end": 2}
    assert moves(hamlet_figures(august, "Bản Cọ"))["poor"] == {"start": 2, "moved_in": 1, "end": 3}
    assert moves(hamlet_figures(august, "Bản Cọ"), "movements_month")["poor"] == {
        "start": 3, "end": 3
    }  # fmt: skip
    assert moves(hamlet_figures(august, "Nà Mòn"), "movements_month")["poor"] == {
        "start": 2,
        "end": 2,
    }
    assert moves(august.summary["totals"], "movements_month")["poor"] == {
        "start": 5, "end": 5
    }  # fmt: skip
    detail = august.movement_details
    assert sorted(zip(detail["scope"], detail["hamlet"], detail["ma_ho"], detail["movement"],
                      strict=True)) == [  # fmt: skip
        ("year", "Bản Cọ", "NM3", "moved_in"), ("year", "Nà Mòn", "NM3", "moved_out")
    ]  # fmt: skip
    assert about(august, "NM3", "BC9") == []


def test_back_under_the_old_code_after_two_silent_months(tmp_path):
    """Bản Cọ silent June and July (NM3's trace kept each month), back in August with NM3.
    Before: the month's table of Bản Cọ (against its May list) said 3 − 1 exited (BC9, with a
    vanished-household asking Bản Cọ) + 1 moved in (NM3, from its trace in Nà Mòn) = 3, the
    commune's month 5 − 1 exited + 1 moved in = 5: moves.households_moved_back paired the two
    codes, but the households listed since May (run._figures' listed_since, Nà Mòn's traces
    among them) put NM3 back in Nà Mòn. Now as when Bản Cọ sent."""
    august = _back_in_august(tmp_path, ("2024-06", "2024-07"))
    assert hamlet_figures(august, "Bản Cọ")["movements_month_from"] == "2024-05"
    _august_as_when_sent(august)


def test_back_under_the_old_code_after_one_silent_month(tmp_path):
    """Bản Cọ sends BC9 in June, nothing in July, NM3 in August (its month's table against
    June's list): before, as above (3 − 1 exited + 1 moved in, a vanished-household for BC9);
    now as when Bản Cọ sent."""
    august = _back_in_august(tmp_path, ("2024-07",))
    assert hamlet_figures(august, "Bản Cọ")["movements_month_from"] == "2024-06"
    _august_as_when_sent(august)


@pytest.mark.parametrize("silent", [True, False], ids=["silent", "sent"])
@pytest.mark.parametrize("coded", [False, True], ids=["no-code", "code"])
def test_the_title_row_written_again_after_the_move(tmp_path, coded: bool, silent: bool):
    """May: Nà Mòn writes the household under 'Hộ chuyển đi xóm Bản Cọ' (without a Mã hộ, or
    as NM3), Bản Cọ as BC9 (Hoàng Văn NM3, 1970): moved out / moved in, NM3 kept moved_poor.
    June and July: Nà Mòn writes the same row again; Bản Cọ writes BC9 again (sent) or sends
    nothing (silent). Before: sent, BC9 (on May's list already: not new to the lists the
    commune compares with, moves.said_moved_out_recoded) was new in Bản Cọ's year table (2 + 1
    new = 3) beside NM3 moved out of Nà Mòn, the row written with NM3 told moved-not-listed and no
    trace kept for it by name; silent, a moved-not-listed at the row. Now the trace pairs NM3
    with BC9 in the hamlet said (moves.moved_recoded_since), as when the row is not written
    again: Nà Mòn poor 3 − 1 moved out = 2 (month 2 = 2); sent, Bản Cọ 2 + 1 moved in = 3
    (month 3 = 3); nothing said; NM3 kept moved_poor. August, Bản Cọ sending BC9 (the row
    again): Bản Cọ 2 + 1 moved in = 3, the commune 5 − 1 moved out + 1 moved in = 5."""
    folder, out = new_commune(tmp_path)
    month_lists(folder, "2024-04", *lists([person("NM3", "poor")]))
    execute(folder, out, "2024-04")
    moved = [person("NM3", "poor") if coded else uncoded("NM3", "poor")]
    there = [recoded("NM3", "BC9", "poor")]
    for period in ("2024-05", "2024-06", "2024-07", "2024-08"):
        month_lists(folder, period, *lists(extra_ban=there), moved)
        if silent and period in ("2024-06", "2024-07"):
            (folder / f"BanCo_{period}.xlsx").unlink()
        result, _, _ = execute(folder, out, period)
        assert moves(hamlet_figures(result, "Nà Mòn"))["poor"] == {
            "start": 3,
            "moved_out": 1,
            "end": 2,
        }
        assert about(result, "NM3", "BC9") == []
        if silent and period in ("2024-06", "2024-07"):
            assert hamlet_figures(result, "Bản Cọ")["status"] == "missing"
            assert year_moves(result) == [("Nà Mòn", "NM3", "moved_out", "Bản Cọ")]
            assert stored(out, period, ("NM3", "BC9")) == [("Nà Mòn", "NM3", "moved_poor")]
            continue
        assert moves(hamlet_figures(result, "Bản Cọ"))["poor"] == {
            "start": 2,
            "moved_in": 1,
            "end": 3,
        }
        assert moves(result.summary["totals"])["poor"] == {
            "start": 5, "moved_out": 1, "moved_in": 1, "end": 5
        }  # fmt: skip
        assert year_moves(result) == [
            ("Bản Cọ", "BC9", "moved_in", "Nà Mòn"), ("Nà Mòn", "NM3", "moved_out", "Bản Cọ")
        ]  # fmt: skip
        assert stored(out, period, ("NM3", "BC9")) == [
            ("Bản Cọ", "BC9", "poor"), ("Nà Mòn", "NM3", "moved_poor")
        ]  # fmt: skip
        if period != "2024-05":
            assert moves(hamlet_figures(result, "Bản Cọ"), "movements_month")["poor"] == {
                "start": 3, "end": 3
            }  # fmt: skip
            assert moves(hamlet_figures(result, "Nà Mòn"), "movements_month")["poor"] == {
                "start": 2, "end": 2
            }  # fmt: skip


def test_moved_under_the_same_code_to_a_hamlet_silent_two_months(tmp_path):
    """May: Nà Mòn no longer lists NM3, Bản Cọ writes it under the same code NM3. June and
    July Bản Cọ silent: NM3 moved out of Nà Mòn (poor 3 − 1 moved out = 2), where it was last
    seen (timeline.last_listed: no trace stored, May's Bản Cọ row the latest), nothing said.
    August, Bản Cọ back with NM3: Nà Mòn 3 − 1 moved out = 2, Bản Cọ 2 + 1 moved in = 3, as
    when Bản Cọ sends every month."""
    folder, out = new_commune(tmp_path)
    month_lists(folder, "2024-04", *lists([person("NM3", "poor")]))
    execute(folder, out, "2024-04")
    month_lists(folder, "2024-05", *lists(extra_ban=[person("NM3", "poor")]))
    execute(folder, out, "2024-05")
    for period in ("2024-06", "2024-07"):
        result = send(folder, out, period)
        assert moves(hamlet_figures(result, "Nà Mòn"))["poor"] == {
            "start": 3,
            "moved_out": 1,
            "end": 2,
        }
        assert year_moves(result) == [("Nà Mòn", "NM3", "moved_out", "Bản Cọ")]
        assert about(result, "NM3") == []
        assert stored(out, period, ("NM3",)) == []
    august = month(folder, out, "2024-08", [person("NM3", "poor")])
    assert moves(hamlet_figures(august, "Nà Mòn"))["poor"] == {"start": 3, "moved_out": 1, "end": 2}
    assert moves(hamlet_figures(august, "Bản Cọ"))["poor"] == {"start": 2, "moved_in": 1, "end": 3}
    assert year_moves(august) == [
        ("Bản Cọ", "NM3", "moved_in", "Nà Mòn"), ("Nà Mòn", "NM3", "moved_out", "Bản Cọ")
    ]  # fmt: skip
    assert about(august, "NM3") == []
