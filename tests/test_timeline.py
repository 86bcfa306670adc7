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


def test_a_hamlet_that_sent_an_empty_list_reported_and_a_row_held_by_name_has_not_left():
    """C lists c1 in January and sends an accepted empty list in February (no row stored): c1
    has left. A lists a1 and a2 in January; in February a1's row has an error and no Mã hộ, so
    it is stored by a1's (hamlet, name, birth year) key, and a2 is missing: a1 has not left,
    a2 has. Without the accepted hamlets, C is taken for one that did not report."""
    history = _history(
        ("2024-01", "A", "id|a1", "poor"),
        ("2024-01", "A", "id|a2", "poor"),
        ("2024-01", "C", "id|c1", "poor"),
        ("2024-02", "A", "name|A|ma van mot|1970", "not_counted"),
    )
    asked = []

    def name_keys(period):
        asked.append(period)
        return {"id|a1": "name|A|ma van mot|1970", "id|a2": "name|A|lo van hai|1980"}

    accepted = {"2024-02": {"A", "C"}}
    assert timeline.exited_before(history, accepted, name_keys) == {"id|a2", "id|c1"}
    assert asked == ["2024-01"]  # where a1 and a2 were last listed
    # as before: neither told, C did not report, and the row by name holds nobody
    assert timeline.exited_before(history) == {"id|a1", "id|a2"}


def test_who_is_out_of_the_lists_at_the_end_of_a_month():
    """Hamlet A, last year to February. h1 is marked Thoát in December and written again in
    January in a row with an error (held, not counted): it had left and is not back, so it is
    out at the end of January, and in again in February (poor). h2 is poor, then held in
    January: it never left. h3 is missing in December while A reported (left) and poor in
    January (back). At the end of December h1 and h3 are out; of January h1 alone; of February
    nobody; March (nothing stored) is as February ended."""
    history = _history(
        ("2023-11", "A", "id|h1", "poor"),
        ("2023-11", "A", "id|h2", "poor"),
        ("2023-11", "A", "id|h3", "poor"),
        ("2023-12", "A", "id|h1", "exited"),
        ("2023-12", "A", "id|h2", "poor"),
        ("2024-01", "A", "id|h1", "not_counted"),
        ("2024-01", "A", "id|h2", "not_counted"),
        ("2024-01", "A", "id|h3", "poor"),
        ("2024-02", "A", "id|h1", "poor"),
        ("2024-02", "A", "id|h2", "poor"),
        ("2024-02", "A", "id|h3", "poor"),
    )
    found = timeline.departures(history, out_at=["2024-03", "2024-01", "2023-12", "2024-02"])
    assert found.ever == {"id|h1", "id|h3"} == timeline.exited_before(history)
    assert found.out_at == {
        "2023-12": {"id|h1", "id|h3"},
        "2024-01": {"id|h1"},
        "2024-02": set(),
        "2024-03": set(),
    }
    assert timeline.departures(history).out_at == {}


def test_who_is_out_of_the_lists_when_first_written_in_a_row_with_an_error():
    """A's start list (period 2024-00) has a1 and a2. January: j1 is written for the first time
    in a row with an error, and a row by name ('moi', no Mã hộ) too — both on no list before, A
    having reported: out. a2's row has its code emptied (held by name 'hai', a2's own): a2 is
    no newcomer, nor gone. B reports for the first time with b1 in such a row: nothing is
    known of b1 before, so it is not called out. February: j1 is counted (in). March: the
    code of 'moi' is written and it counts (id|moi, in); April: its code is emptied again,
    the row by name 'moi' now holds the listed id|moi: no longer out."""
    history = _history(
        ("2024-00", "A", "id|a1", "poor"),
        ("2024-00", "A", "id|a2", "poor"),
        ("2024-01", "A", "id|a1", "poor"),
        ("2024-01", "A", "id|j1", "not_counted"),
        ("2024-01", "A", "name|A|moi|1980", "not_counted"),
        ("2024-01", "A", "name|A|hai|1970", "not_counted"),
        ("2024-01", "B", "id|b1", "not_counted"),
        ("2024-02", "A", "id|a1", "poor"),
        ("2024-02", "A", "id|a2", "poor"),
        ("2024-02", "A", "id|j1", "poor"),
        ("2024-02", "A", "name|A|moi|1980", "not_counted"),
        ("2024-03", "A", "id|a1", "poor"),
        ("2024-03", "A", "id|a2", "poor"),
        ("2024-03", "A", "id|j1", "poor"),
        ("2024-03", "A", "id|moi", "poor"),
        ("2024-04", "A", "id|a1", "poor"),
        ("2024-04", "A", "id|a2", "poor"),
        ("2024-04", "A", "id|j1", "poor"),
        ("2024-04", "A", "name|A|moi|1980", "not_counted"),
    )

    def name_keys(period):
        return {"id|a2": "name|A|hai|1970", "id|moi": "name|A|moi|1980"}

    months = ["2024-01", "2024-02", "2024-04"]
    found = timeline.departures(history, None, name_keys, months)
    assert found.out_at == {
        "2024-01": {"id|j1", "name|A|moi|1980"},
        "2024-02": {"name|A|moi|1980"},
        "2024-04": set(),
    }
    assert found.ever == set()
