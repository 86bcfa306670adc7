"""Month after month: who had left the lists before, worked out by hand."""

from __future__ import annotations

import pandas as pd

from pipeline import timeline


def _history(*rows):
    return pd.DataFrame(rows, columns=["period", "hamlet", "hh_key", "status"])


def test_households_that_left_the_lists_before():
    history = _history(
        ("2024-03", "B", "id|b1", "poor"),  # B reports without b2: b2 has left
        ("2024-01", "A", "id|a1", "poor"),
        ("2024-01", "A", "id|a2", "near_poor"),
        ("2024-01", "B", "id|b2", "poor"),
        ("2024-02", "A", "id|a1", "poor"),  # a2 missing while A reported: left
        ("2024-02", "A", "id|a3", "exited"),  # marked exited
        # B did not report in February: b2 is still listed then
    )
    assert timeline.exited_before(history) == {"id|a2", "id|a3", "id|b2"}
    assert timeline.exited_before(history[history["period"] < "2024-03"]) == {"id|a2", "id|a3"}
    assert timeline.exited_before(_history()) == set()


def test_previous_period_and_target_path():
    assert timeline.previous_period("2024-01") == "2023-12"
    assert timeline.previous_period("2024-05") == "2024-04"
    assert timeline.same_month_last_year("2024-05") == "2023-05"
    # 6 % at the start, 1.2 points to go in the year: 0.5 done by the end of May
    assert timeline.target_path(6.0, 1.2, "2024-05") == 6.0 - 1.2 * 5 / 12
