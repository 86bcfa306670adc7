"""Session 30 (A3): follow-ups of the history's from-age mark (schema 5).

1. A month run again whose list only switches from ages to years (the head fixed
   `birth-year-from-age`) changes what the later months took from it: their name matches a
   year off rest on the stored years and marks. The "Các kỳ sau … hãy chạy lại" notice says so.
2. ``rosterchecks.left_by_name`` (the name match behind `left-lists`) matches a year off where
   a year was read from an age, as figures.near_pairs.

The fixture (tests/test_session30_a2_ages_history.py): Nà Mòn's start list NM1-NM3 poor, NM4
near-poor, heads 'Hoàng Văn <code>' born 1970. Ages 53 read as 2024 - 53 = 1971.
"""

from __future__ import annotations

from datetime import date

from pipeline.output import NOTICES
from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session30_a2_ages_history import _plan, _rows

MONTHS = {
    "2024-04": ("NaMon_T4.xlsx", date(2024, 5, 3)),
    "2024-05": ("NaMon_T5.xlsx", date(2024, 6, 3)),
    "2024-06": ("NaMon_T6.xlsx", date(2024, 7, 3)),
}


def _write(folder, period: str, rows: list[dict]) -> None:
    name, prepared = MONTHS[period]
    write_roster(folder, name, "Nà Mòn", 100, rows, period=period, prepared=prepared)


def _later_notice() -> list[str]:
    return [n for n in NOTICES if n.startswith("Các kỳ sau")]


def _three_months(tmp_path):
    """April in ages (53: 1971), May and June in years (1970), run in order: (folder, out)."""
    folder, out = tmp_path / "input", tmp_path / "out"
    folder.mkdir()
    _plan(folder)
    _write(folder, "2024-04", _rows(53))
    _write(folder, "2024-05", _rows(1970))
    _write(folder, "2024-06", _rows(1970))
    for period in MONTHS:
        execute(folder, out, period)
    return folder, out


def test_april_run_again_as_it_was_says_nothing_of_later_months(tmp_path):
    """April's same list (ages) run again: the same codes, statuses, years (1971) and marks:
    May and June took nothing else from it, no notice."""
    folder, out = _three_months(tmp_path)
    NOTICES.clear()
    execute(folder, out, "2024-04")
    assert _later_notice() == []


def test_april_switched_from_ages_to_the_same_years_says_later_months_are_stale(tmp_path):
    """April's list written again in years, 1971: the same codes, statuses and years as the
    ages gave (2024 - 53 = 1971), only the from-age marks gone (4 rows). May's matches a year
    off (its 1970 against April's 1971) rested on those marks: May and June are named, in
    order (before: no notice, as codes and statuses alone were compared)."""
    folder, out = _three_months(tmp_path)
    _write(folder, "2024-04", _rows(1971))
    NOTICES.clear()
    execute(folder, out, "2024-04")
    assert _later_notice() == [
        "Các kỳ sau (05/2024, 06/2024) đã được tổng hợp với số liệu cũ của kỳ 04/2024: biến "
        "động so với tháng trước và xu hướng của các kỳ đó chưa theo số liệu mới. Hãy chạy lại "
        "các kỳ đó, theo thứ tự: giamngheo run --period 2024-05; giamngheo run --period 2024-06"
    ]


def test_april_switched_to_the_true_years_says_later_months_are_stale(tmp_path):
    """April's list written again in years, 1970 (the true year: a year before the ages'
    1971): the stored years change too (4 rows), so May and June are named."""
    folder, out = _three_months(tmp_path)
    _write(folder, "2024-04", _rows(1970))
    NOTICES.clear()
    execute(folder, out, "2024-04")
    [said] = _later_notice()
    assert said.startswith("Các kỳ sau (05/2024, 06/2024) đã được tổng hợp với số liệu cũ")
