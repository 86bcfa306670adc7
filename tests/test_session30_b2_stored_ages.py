"""Session 30 (B2): last month's list wrote ages, this month's writes years.

A stored month keeps no mark of a year read from an age (the history store has no such column),
so "since last month" matched a household held in this month's row left out for an error (no Mã
hộ) by the exact year only: a head aged 55 in April 2024 is read as born 2024 - 55 = 1969; May's
list writes his real year, 1970; the household was taken as gone without 'Thoát' from last
month's list (exited, `vanished-household`), though the year's table, against the start list's
1970, held it. Now a household gone from the stored month whose stored year is one off the
start list's year under the same key is matched a year off too (figures.years_off).

The small commune of tests/commune.py: heads 'Hoàng Văn <code>', born 1970; the start list has
Nà Mòn's NM1-NM3 poor, NM4, NM5 near-poor.
"""

from __future__ import annotations

from datetime import date

from pipeline import figures as fig
from pipeline.checkfiles import check_files
from pipeline.history import HistoryStore
from pipeline.run import execute
from pipeline.types import HISTORY_FILE
from tests.commune import person, write_plan, write_roster

APRIL = {"period": "2024-04", "prepared": date(2024, 5, 3)}


def _record(code: str, status: str, year, hamlet: str = "A") -> tuple:
    return (f"id|{code.lower()}", status, hamlet, code, f"Hoàng Văn {code}", year)


def _counts(moves: dict, side: str) -> tuple:
    keys = ("start", "exited", "not_counted", "new", "recounted", "end")
    return tuple(moves[side][k] for k in keys)


def test_years_off_names_a_stored_year_one_off_the_start_lists():
    """Stored: N1 1969, N2 1970, N3 1968, N4 blank, N5 1971.0 (a float from a frame). Start
    list: N1-N5 1970 but N4 (1970) and N5 (blank). One off: N1 (1970 - 1969 = 1) only; N2 the
    same year, N3 two off, N4 and N5 a blank on one side."""
    start = [_record(c, "poor", 1970) for c in ("N1", "N2", "N3", "N4")]
    start.append(_record("N5", "poor", None))
    stored = [_record("N1", "poor", 1969), _record("N2", "poor", 1970),
              _record("N3", "poor", 1968), _record("N4", "poor", None),
              _record("N5", "poor", 1971.0)]  # fmt: skip
    assert fig.years_off(stored, start) == {fig.name_key_text("A", "Hoàng Văn N1", 1969)}
    assert fig.years_off(stored, []) == set()


def test_a_row_left_out_holds_last_months_household_a_year_off_the_start_list():
    """Last month (stored): N1 poor, born 1969 (an age there); the start list: N1 1970. Now a
    row left out for an error 'Hoàng Văn N1' 1970: it holds N1 (poor start 1, exited 0, not
    counted 1, end 0). Without the start list (as before): N1 gone, exited 1 ('vanished').
    With a start list writing 1969 too (no year off): not held either."""
    month = [_record("N1", "poor", 1969)]
    held = {fig.name_key_text("A", "Hoàng Văn N1", 1970)}
    moves, found = fig.movements_of(month, [], held=held,
                                    start_list=[_record("N1", "poor", 1970)])  # fmt: skip
    assert _counts(moves, "poor") == (1, 0, 1, 0, 0, 0)
    assert [(d["ma_ho"], d["movement"]) for d in found] == [("N1", "not_counted")]
    moves, found = fig.movements_of(month, [], held=held)
    assert _counts(moves, "poor") == (1, 1, 0, 0, 0, 0)
    assert [(d["ma_ho"], d["movement"]) for d in found] == [("N1", "vanished")]
    moves, _ = fig.movements_of(month, [], held=held, start_list=[_record("N1", "poor", 1969)])
    assert _counts(moves, "poor") == (1, 1, 0, 0, 0, 0)


def test_ages_in_april_years_in_may_and_a_row_without_its_code(tmp_path):
    """April's Nà Mòn list writes ages, 55 each (born 2024 - 55 = 1969; the start list says
    1970), every Mã hộ: run and stored. May's list writes the years (1970) and NM2 without its
    Mã hộ (its row an error, left out). Month table against April: poor start 3, exited 0, not
    counted 1 (NM2), end 2 (3 - 1); near-poor 2, end 2. The year table the same. No
    `vanished-household` from the run nor from `giamngheo check` with the store. Before: the
    month table had NM2 exited 1, not counted 0, and asked the head to confirm it."""
    folder = tmp_path / "input"
    folder.mkdir()
    out = tmp_path / "out"
    write_plan(folder)
    april = [person(f"NM{i}", "poor", nam_sinh=55) for i in (1, 2, 3)] + [
        person(f"NM{i}", "near_poor", nam_sinh=55) for i in (4, 5)
    ]
    write_roster(folder, "NaMon_T4.xlsx", "Nà Mòn", 100, april, **APRIL)
    execute(folder, out, "2024-04")
    may = [
        person("NM1", "poor"),
        dict(person("NM2", "poor"), ma_ho=None),
        person("NM3", "poor"),
        person("NM4", "near_poor"),
        person("NM5", "near_poor"),
    ]
    path = write_roster(folder, "NaMon_T5.xlsx", "Nà Mòn", 100, may)
    result = execute(folder, out, "2024-05")[0]
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert _counts(na_mon["movements_month"], "poor") == (3, 0, 1, 0, 0, 2)
    assert _counts(na_mon["movements_month"], "near_poor") == (2, 0, 0, 0, 0, 2)
    assert _counts(na_mon["movements"], "poor") == (3, 0, 1, 0, 0, 2)
    assert [i for i in result.issues if i.code == "vanished-household"] == []
    details = result.movement_details
    moved = sorted(zip(details["scope"], details["ma_ho"], details["movement"], strict=True))
    assert moved == [("month", "NM2", "not_counted"), ("year", "NM2", "not_counted")]
    store = HistoryStore(out / HISTORY_FILE, read_only=True)
    checked = check_files([folder / "KeHoach_2024.xlsx", path], history=store)
    assert "missing-household-id" in [i.code for i in checked]
    assert [i for i in checked if i.code == "vanished-household"] == []
