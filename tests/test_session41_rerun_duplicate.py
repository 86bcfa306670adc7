"""Session 41: a month run again as it was, with a Mã hộ written twice in one hamlet's list,
names no later month to run again (notices.later_months_affected).

The history keeps one row of a hamlet and key (history.kept_households): of NM2's two rows
(both left out, `duplicate-household-id`) one is stored. The month run again compared its two
rows with that one and said May was built on April's old figures: a false "run again".

Fixture: Nà Mòn's four households (NM1-NM3 poor, NM4 near-poor, born 1970). April writes NM3's
row under NM2's code: NM2 twice, both rows left out. May writes the four codes. Run April, then
May, then April again.
"""

from __future__ import annotations

import sqlite3

from pipeline import history as hist
from pipeline.output import NOTICES
from pipeline.run import execute
from tests.test_session30_a2_ages_history import plan, rows_born
from tests.test_session30_a3_ages_rerun import later_notice, write_na_mon_month
from tests.test_session31_name_rerun import MAY_STALE


def _april_then_may(tmp_path):
    """April (NM2 twice) and May (the four codes), run in order: (folder, out)."""
    folder, out = tmp_path / "input", tmp_path / "out"
    folder.mkdir()
    plan(folder)
    write_na_mon_month(folder, "2024-04", rows_born(1970, recoded=("NM3", "NM2")))
    write_na_mon_month(folder, "2024-05", rows_born(1970))
    execute(folder, out, "2024-04")
    execute(folder, out, "2024-05")
    return folder, out


def test_april_with_a_code_written_twice_run_again_as_it_was_says_nothing(tmp_path):
    """April's list has two rows of NM2; the history keeps one (checked, so the test is about
    that case). April run again as it was: no notice (before: May named, 'Các kỳ sau
    (05/2024) …')."""
    folder, out = _april_then_may(tmp_path)
    with sqlite3.connect(out / hist.HISTORY_FILE) as conn:
        stored = conn.execute(
            "SELECT ma_ho, status FROM households WHERE period = '2024-04' ORDER BY ma_ho"
        ).fetchall()
    conn.close()
    assert stored == [("NM1", "poor"), ("NM2", "not_counted"), ("NM4", "near_poor")]
    NOTICES.clear()
    execute(folder, out, "2024-04")
    assert later_notice() == []


def test_april_with_the_code_fixed_names_may(tmp_path):
    """Control: April run again with NM3's code written right (NM2 and NM3 counted, poor): its
    households changed, so May is named as before."""
    folder, out = _april_then_may(tmp_path)
    write_na_mon_month(folder, "2024-04", rows_born(1970))
    NOTICES.clear()
    execute(folder, out, "2024-04")
    assert later_notice() == [MAY_STALE]
