"""Session 39's review of session 38's changes: the cost it found in the movements (the
readings and messages it fixed are tested beside their kind: tests/test_plan_equals.py,
tests/test_plan_fixes.py, tests/test_feedback.py; docs/decisions.md, "Session 39: review of
session 38's changes")."""

from __future__ import annotations

import tests.test_session38_oracle as oracle
from pipeline import timeline


def test_the_stored_months_since_a_base_are_read_once_a_run(tmp_path, monkeypatch):
    """Bản Cọ back in May after a silent April (compared with its start list) while Nà Mòn is
    compared with April: the stored months since January were read twice, once for Bản Cọ's
    table and once more for the hamlets compared with last month (session 38's fix of a
    'Thoát' last month), ~0.3 s of CPU a month of a province's 300,000 households. Now once,
    the figures as the oracle's test asserts them."""
    calls = []
    real = timeline.last_listed

    def counted(statuses, first, last, within=None, **more):
        calls.append((first, last, within))
        return real(statuses, first, last, within, **more)

    monkeypatch.setattr(timeline, "last_listed", counted)
    oracle.test_marked_thoat_last_month_is_back_not_moved_in(tmp_path)
    assert [call for call in calls if call[2] is None] == [("2024-01", "2024-04", None)]
