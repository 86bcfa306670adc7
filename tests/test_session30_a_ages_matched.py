"""Session 30 (A): households matched by head's name and birth year where a year was read from an
age (session 29: 59 under 'Năm sinh' in a 2024 list is 2024 - 59 = 1965), which may be one year
off the year another list writes (a head aged 59 in 2024 was born in 1965, or in 1964 before his
birthday). Such a name matches a year off too, only where that pairs one household with one; an
exact year keeps priority.

The small commune of tests/commune.py: heads 'Hoàng Văn <code>', born 1970; the start list has
Nà Mòn's NM1-NM3 poor, NM4, NM5 near-poor.
"""

from __future__ import annotations

from datetime import date

import openpyxl
import pandas as pd

from pipeline import figures as fig
from pipeline import timeline
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from pipeline.types import FROM_AGE
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_plan, write_roster
from tests.test_session26_codes import JANUARY, ban_co_in_summary, merged_plan, moves_by_side

AGES = "birth-year-from-age"
APRIL = {"period": "2024-04", "prepared": date(2024, 5, 3)}


def _na_mon(summary: dict) -> dict:
    return next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")


def _counts(moves: dict, side: str) -> tuple:
    keys = ("start", "exited", "not_counted", "new", "recounted", "end")
    return tuple(moves[side][k] for k in keys)


def _key(name: str, year: int, hamlet: str = "A") -> str:
    return fig.name_key_text(hamlet, name, year)


# --- the pairing itself, worked by hand ---------------------------------------------------------


def test_near_pairs_pairs_a_year_off_only_one_with_one_and_only_for_an_age():
    """'An' 1964 read from an age and 'An' 1965: one year apart, one of them an age: paired.
    Neither an age: not. Two years apart: not. Two of ``others`` a year off (1963, 1965), or
    two names a year off one other (1964 and 1966 for 1965): not, either way (ambiguous)."""
    an64, an65, an63, an66 = (_key("Hoàng Văn An", y) for y in (1964, 1965, 1963, 1966))
    assert fig.near_pairs({"a": an64}, {"b": an65}, {an64}) == {"a": "b"}
    assert fig.near_pairs({"a": an64}, {"b": an65}, {an65}) == {"a": "b"}  # the other's age
    assert fig.near_pairs({"a": an64}, {"b": an65}, {_key("Lò Văn Ba", 1964)}) == {}
    assert fig.near_pairs({"a": an64}, {"b": an66}, {an64, an66}) == {}  # two years off
    assert fig.near_pairs({"a": an64}, {"b": an63, "c": an65}, {an64}) == {}
    assert fig.near_pairs({"a": an64, "d": an66}, {"b": an65}, {an64, an66}) == {}
    assert fig.near_pairs({"a": an64}, {"b": _key("Hoàng Văn An", 1965, "B")}, {an64}) == {}


def _record(code: str, status: str, name: str, year: int) -> tuple:
    return (f"id|{code.lower()}", status, "A", code, name, year)


def test_a_row_left_out_holds_a_start_household_a_year_off_where_one_year_was_an_age():
    """Start: NM1 'Hoàng Văn An' born 1964 (read from an age), NM3 'Lò Văn Ba' 1960, both poor.
    Now NM3 as before, and a row left out for an error (no Mã hộ) 'Hoàng Văn An' 1965: it holds
    NM1, a year off: poor start 2, exited 0, not counted 1 (NM1), end 1 (2 - 1 = 1). Without the
    age (``aged`` empty) as before: NM1 gone without 'Thoát' ('vanished', exited 1)."""
    start = [
        _record("NM1", "poor", "Hoàng Văn An", 1964),
        _record("NM3", "poor", "Lò Văn Ba", 1960),
    ]
    now = [_record("NM3", "poor", "Lò Văn Ba", 1960)]
    held = {_key("Hoàng Văn An", 1965)}
    moves, found = fig.movements_of(start, now, held=held, aged={_key("Hoàng Văn An", 1964)})
    assert _counts(moves, "poor") == (2, 0, 1, 0, 0, 1)
    assert [(d["ma_ho"], d["movement"]) for d in found] == [("NM1", "not_counted")]
    moves, found = fig.movements_of(start, now, held=held)
    assert _counts(moves, "poor") == (2, 1, 0, 0, 0, 1)
    assert [(d["ma_ho"], d["movement"]) for d in found] == [("NM1", "vanished")]


def test_an_exact_year_keeps_its_row_from_a_household_a_year_off():
    """Start: NM1 'Hoàng Văn An' 1970, NM2 'Hoàng Văn An' 1971, NM3 'Lò Văn Ba' 1960, all poor;
    now NM3, and one row left out 'Hoàng Văn An' 1970 read from an age. It holds NM1 exactly;
    NM2, a year off it, is not held by the same row: poor start 3, not counted 1, exited 1
    (NM2 vanished), end 1 (3 - 1 - 1 = 1)."""
    start = [_record("NM1", "poor", "Hoàng Văn An", 1970),
             _record("NM2", "poor", "Hoàng Văn An", 1971),
             _record("NM3", "poor", "Lò Văn Ba", 1960)]  # fmt: skip
    an70 = _key("Hoàng Văn An", 1970)
    moves, found = fig.movements_of(
        start, [_record("NM3", "poor", "Lò Văn Ba", 1960)], held={an70}, aged={an70}
    )
    assert _counts(moves, "poor") == (3, 1, 1, 0, 0, 1)
    assert sorted((d["ma_ho"], d["movement"]) for d in found) == [
        ("NM1", "not_counted"), ("NM2", "vanished"),
    ]  # fmt: skip


def test_a_household_under_another_code_a_year_off_is_recoded_not_gone_and_new():
    """Start: NM1 'Hoàng Văn An' 1964 (an age), poor; now NM9 'Hoàng Văn An' 1965, poor: the
    same household under another code (figures' 'recoded', said by run as code-changed), not
    an exit and a new one: poor start 1, exited 0, new 0, end 1. Without the age: exited 1 and
    new 1 as before (1 - 1 + 1 = 1)."""
    start = [_record("NM1", "poor", "Hoàng Văn An", 1964)]
    now = [_record("NM9", "poor", "Hoàng Văn An", 1965)]
    moves, found = fig.movements_of(start, now, aged={_key("Hoàng Văn An", 1964)})
    assert _counts(moves, "poor") == (1, 0, 0, 0, 0, 1)
    assert [(d["ma_ho"], d["movement"]) for d in found] == [("NM9", "recoded")]
    moves, _ = fig.movements_of(start, now)
    assert _counts(moves, "poor") == (1, 1, 0, 1, 0, 1)


class _Names(dict):
    """A stored period's name keys (timeline.KeyNames) with those read from an age."""

    def __init__(self, names: dict, aged: set):
        super().__init__(names)
        self._aged = aged

    def aged(self) -> set:
        return self._aged


def test_the_history_walk_holds_a_start_household_a_year_off():
    """The start list (2024-00) lists a1 'Ma Văn Một', born 1969 read from an age; February's
    list holds him in a row without Mã hộ, 1970: he has not left the lists. Without the mark,
    as before: he left in February."""
    history = pd.DataFrame(
        [
            ("2024-00", "A", "id|a1", "poor"),
            ("2024-02", "A", _key("Ma Văn Một", 1970), "not_counted"),
        ],
        columns=["period", "hamlet", "hh_key", "status"],
    )
    start_name = _key("Ma Văn Một", 1969)
    accepted = {"2024-02": {"A"}}
    aged = timeline.exited_before(
        history, accepted, lambda p: _Names({"id|a1": start_name}, {start_name})
    )
    assert aged == set()
    plain = timeline.exited_before(
        history, accepted, lambda p: _Names({"id|a1": start_name}, set())
    )
    assert plain == {"id|a1"}


def test_aged_name_keys_reads_the_mark_of_a_validated_frame():
    """Two rows, the second's year read from an age: its key alone; a frame without the column
    (a stored month's) has none."""
    frame = pd.DataFrame({"hamlet": ["A", "A"], "chu_ho": ["Lò Văn Ba", "Hoàng Văn An"],
                          "nam_sinh": [1960, 1965], FROM_AGE: [False, True]})  # fmt: skip
    assert fig.aged_name_keys(frame) == {_key("Hoàng Văn An", 1965)}
    assert fig.aged_name_keys(frame.drop(columns=[FROM_AGE])) == set()


# --- a commune run: two months, ages in May's list, one household without its Mã hộ -------------


def _two_months(folder, out, may_rows: list[dict]):
    """The plan (start list: NM1-NM3 poor, NM4, NM5 near-poor, born 1970); Nà Mòn's April list
    as at the start (years 1970, every Mã hộ) consolidated into ``out``, then its May list
    ``may_rows``: May's run result."""
    write_plan(folder)
    april = [person(f"NM{i}", "poor") for i in (1, 2, 3)] + [
        person(f"NM{i}", "near_poor") for i in (4, 5)
    ]
    write_roster(folder, "NaMon_T4.xlsx", "Nà Mòn", 100, april, **APRIL)
    execute(folder, out, "2024-04")
    write_roster(folder, "NaMon_T5.xlsx", "Nà Mòn", 100, may_rows)
    return execute(folder, out, "2024-05")[0]


def test_ages_in_may_and_a_row_without_its_code_are_the_start_household_not_gone(tmp_path):
    """May's list writes ages, 53 each: born 2024 - 53 = 1971, a year after the 1970 of the
    start list and April's list (a birthday not yet come). NM2 is written without its Mã hộ:
    its row is an error (left out), held by name and birth year, a year off. NM3 is 'Thoát'.
    Year table: poor start 3, exited 1 (NM3), not counted 1 (NM2), end 1 (NM1); near-poor 2, end
    2. Month table against April: the same. No `vanished-household`. Before: NM2 read as gone
    without 'Thoát' (exited 2), and asked to be confirmed."""
    folder = tmp_path / "input"
    folder.mkdir()
    may = [
        person("NM1", "poor", nam_sinh=53),
        dict(person("NM2", "poor", nam_sinh=53), ma_ho=None),
        person("NM3", "exited", nam_sinh=53),
        person("NM4", "near_poor", nam_sinh=53),
        person("NM5", "near_poor", nam_sinh=53),
    ]
    result = _two_months(folder, tmp_path / "out", may)
    assert [(i.code, i.value) for i in result.issues if i.code == AGES] == [(AGES, "53")]
    assert [(i.code, i.row) for i in result.issues if i.code == "missing-household-id"] == [
        ("missing-household-id", 6)
    ]
    na_mon = _na_mon(result.summary)
    assert _counts(na_mon["movements"], "poor") == (3, 1, 1, 0, 0, 1)
    assert _counts(na_mon["movements"], "near_poor") == (2, 0, 0, 0, 0, 2)
    assert _counts(na_mon["movements_month"], "poor") == (3, 1, 1, 0, 0, 1)
    assert [i for i in result.issues if i.code == "vanished-household"] == []
    details = result.movement_details
    moved = sorted(zip(details["scope"], details["ma_ho"], details["movement"], strict=True))
    assert moved == [
        ("month", "NM2", "not_counted"), ("month", "NM3", "exited"),
        ("year", "NM2", "not_counted"), ("year", "NM3", "exited"),
    ]  # fmt: skip


def test_two_start_households_a_year_either_side_are_not_paired(tmp_path):
    """The start list names two heads 'Hoàng Văn An', NM1 born 1969 and NM2 born 1971 (both
    poor). May's list writes ages, 54: born 2024 - 54 = 1970; a row 'Hoàng Văn An' without Mã
    hộ is a year off both, so neither is paired: said as before, both gone without 'Thoát'
    (`vanished-household` for NM1 and NM2), poor start 3, exited 2, end 1 (NM3); the row
    itself left out for its missing code."""
    folder = tmp_path / "input"
    folder.mkdir()
    listed = start_list()
    listed[0].update(chu_ho="Hoàng Văn An", nam_sinh=1969)
    listed[1].update(chu_ho="Hoàng Văn An", nam_sinh=1971)
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), listed)
    may = [
        dict(person("X", "poor", nam_sinh=54), ma_ho=None, chu_ho="Hoàng Văn An"),
        person("NM3", "poor", nam_sinh=54),
        person("NM4", "near_poor", nam_sinh=54),
        person("NM5", "near_poor", nam_sinh=54),
    ]
    write_roster(folder, "NaMon_T5.xlsx", "Nà Mòn", 100, may)
    result = execute(folder, tmp_path / "out", "2024-05")[0]
    assert _counts(_na_mon(result.summary)["movements"], "poor") == (3, 2, 0, 0, 0, 1)
    said = sorted(i.value for i in result.issues if i.code == "vanished-household")
    assert said == ["NM1 (Hoàng Văn An)", "NM2 (Hoàng Văn An)"]


# --- before validation: a list told by its heads' names and years, written as ages ---------------


def test_a_merged_hamlets_list_of_ages_without_codes_is_told_by_its_heads_names(tmp_path):
    """Session 26's case (tests/test_session26_codes.py) with Đồng Kè's January 2025 list
    writing ages: DK1-DK4 54 (2025 - 54 = 1971, a year after the start list's 1970), Lò Văn
    Mới 1980 (a year kept: 4 ages, 1 year, a list of ages). Before, the ages (54) matched no
    start household: the plain refusal, and Bản Cọ's DK1-DK4 gone without 'Thoát'. Now 4 of its
    5 households are Bản Cọ's by name, a year off: 'merged-names', and Bản Cọ as in session 26:
    poor start 4, not counted 2 (DK1, DK3), end 2; near-poor 3, not counted 2, end 1, nothing
    exited; its start households apart."""
    folder = merged_plan(tmp_path)
    rows = [dict(person(code, status, nam_sinh=54), ma_ho=None)
            for code, status in (("DK1", "poor"), ("DK2", "near_poor"), ("DK3", "poor"),
                                 ("DK4", "near_poor"))]  # fmt: skip
    rows.append(dict(person("X", "poor"), ma_ho=None, chu_ho="Lò Văn Mới", nam_sinh=1980))
    write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150, rows, **JANUARY)
    result, _, _ = execute(folder, tmp_path / "output", "2025-01")
    [refused] = [i for i in result.issues if i.code == "unknown-hamlet"]
    assert (refused.variant, refused.instead) == ("merged-names", "Bản Cọ")
    assert "(4/5 hộ có trong danh sách đầu năm)" in refused.message("vi")
    ban_co = ban_co_in_summary(result.summary)
    assert moves_by_side(ban_co) == ((4, 0, 2, 0, 2), (3, 0, 2, 0, 1))
    assert ban_co["incomplete"]["households_apart"] == 4
    assert not [i for i in result.issues if i.code == "vanished-household"]


def _raw_years(path, folder) -> list[tuple]:
    """(Mã hộ, birth year, read from an age) of each row of the list at ``path``, read raw."""
    from pipeline.readpool import read_files
    from pipeline.rosterchecks import codes_names_years

    [outcome] = read_files([(path, path.name)], workers=0)
    return [(code, born, aged) for code, _, born, aged in codes_names_years(outcome.sub)]


def test_ages_on_a_list_read_before_validation_are_years(tmp_path):
    """A May 2024 list read raw (before validation) writing 45, 67 and 1958: two ages, one
    year, so a list of ages: 2024 - 45 = 1979 and 2024 - 67 = 1957 (read from an age), 1958
    kept. 45, 1960, 1958: one age, two years: 45 stays as written (for its error)."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100,
                        [person("NM1", "poor", nam_sinh=45), person("NM2", "poor", nam_sinh=67),
                         person("NM3", "poor", nam_sinh=1958)])  # fmt: skip
    assert _raw_years(path, folder) == [("NM1", 1979, True), ("NM2", 1957, True),
                                        ("NM3", 1958, False)]  # fmt: skip
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["D6"] = 1960
    book.save(path)
    assert _raw_years(path, folder) == [("NM1", 45, False), ("NM2", 1960, False),
                                        ("NM3", 1958, False)]  # fmt: skip


def test_ages_on_the_start_list_and_years_in_may_match_in_the_run_and_in_check(tmp_path):
    """The other way round, as in the reproduction: the plan's start list writes ages, 54 each,
    read at its year 2023 (the year before the plan's): born 2023 - 54 = 1969; May's list
    writes the years, 1970, and NM2 without its Mã hộ (its row an error, left out). Nà Mòn's
    year table: poor start 3, exited 0, not counted 1 (NM2), end 2; no `vanished-household`,
    from the run and from `giamngheo check` (the run's own movement warnings)."""
    from pipeline.checkfiles import check_files

    folder = tmp_path / "input"
    folder.mkdir()
    listed = [dict(row, nam_sinh=54) for row in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), listed)
    may = [
        person("NM1", "poor"),
        dict(person("NM2", "poor"), ma_ho=None),
        person("NM3", "poor"),
        person("NM4", "near_poor"),
        person("NM5", "near_poor"),
    ]
    path = write_roster(folder, "NaMon_T5.xlsx", "Nà Mòn", 100, may)
    result = execute(folder, tmp_path / "out", "2024-05")[0]
    assert _counts(_na_mon(result.summary)["movements"], "poor") == (3, 0, 1, 0, 0, 2)
    assert [i for i in result.issues if i.code == "vanished-household"] == []
    checked = check_files([folder / "KeHoach_2024.xlsx", path])
    assert "missing-household-id" in [i.code for i in checked]
    assert [i for i in checked if i.code == "vanished-household"] == []
