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
from tests.test_session30_a2_ages_history import plan, rows_born

MONTHS = {
    "2024-04": ("NaMon_T4.xlsx", date(2024, 5, 3)),
    "2024-05": ("NaMon_T5.xlsx", date(2024, 6, 3)),
    "2024-06": ("NaMon_T6.xlsx", date(2024, 7, 3)),
}


def write_na_mon_month(folder, period: str, rows: list[dict]) -> None:
    name, prepared = MONTHS[period]
    write_roster(folder, name, "Nà Mòn", 100, rows, period=period, prepared=prepared)


def later_notice() -> list[str]:
    return [n for n in NOTICES if n.startswith("Các kỳ sau")]


def _three_months(tmp_path):
    """April in ages (53: 1971), May and June in years (1970), run in order: (folder, out)."""
    folder, out = tmp_path / "input", tmp_path / "out"
    folder.mkdir()
    plan(folder)
    write_na_mon_month(folder, "2024-04", rows_born(53))
    write_na_mon_month(folder, "2024-05", rows_born(1970))
    write_na_mon_month(folder, "2024-06", rows_born(1970))
    for period in MONTHS:
        execute(folder, out, period)
    return folder, out


def test_april_run_again_as_it_was_says_nothing_of_later_months(tmp_path):
    """April's same list (ages) run again: the same codes, statuses, years (1971) and marks:
    May and June took nothing else from it, no notice."""
    folder, out = _three_months(tmp_path)
    NOTICES.clear()
    execute(folder, out, "2024-04")
    assert later_notice() == []


def test_april_switched_from_ages_to_the_same_years_says_later_months_are_stale(tmp_path):
    """April's list written again in years, 1971: the same codes, statuses and years as the
    ages gave (2024 - 53 = 1971), only the from-age marks gone (4 rows). May's matches a year
    off (its 1970 against April's 1971) rested on those marks: May and June are named, in
    order (before: no notice, as codes and statuses alone were compared)."""
    folder, out = _three_months(tmp_path)
    write_na_mon_month(folder, "2024-04", rows_born(1971))
    NOTICES.clear()
    execute(folder, out, "2024-04")
    assert later_notice() == [
        "Các kỳ sau (05/2024, 06/2024) đã được tổng hợp với số liệu cũ của kỳ 04/2024: biến "
        "động so với tháng trước, số hộ tái nghèo và xu hướng của các kỳ đó chưa theo số liệu mới. "
        "Hãy chạy lại "
        "các kỳ đó, theo thứ tự: giamngheo run --period 2024-05; giamngheo run --period 2024-06"
    ]


def test_april_switched_to_the_true_years_says_later_months_are_stale(tmp_path):
    """April's list written again in years, 1970 (the true year: a year before the ages'
    1971): the stored years change too (4 rows), so May and June are named."""
    folder, out = _three_months(tmp_path)
    write_na_mon_month(folder, "2024-04", rows_born(1970))
    NOTICES.clear()
    execute(folder, out, "2024-04")
    [said] = later_notice()
    assert said.startswith("Các kỳ sau (05/2024, 06/2024) đã được tổng hợp với số liệu cũ")


# --- 2. left_by_name: a year off where a year was read from an age ------------------------------


def test_left_by_name_matches_a_year_off_where_a_year_came_from_an_age():
    """By hand: 'Lò Văn Ba' left in April (code NM3), stored born 1972. Row of Nà Mòn without a
    code, 'Lò Văn Ba':
    * born 1971 or 1973, the stored 1972 read from an age (``left.aged``): NM3 (1972 - 1 and
      1972 + 1), with the stored year 1972; born 1974 (two off): none;
    * born 1971, neither year from an age: none (the exact year, as before);
    * born 1971 read from an age itself (``aged``), the stored year written: NM3;
    * a household of the exact year comes first: NM9 born 1971 left too, row born 1971: NM9;
    * two households one off (NM3 1972 and NM8 1970, both aged), row born 1971: none (which
      one is not known)."""
    from pipeline.rosterchecks import left_by_name
    from pipeline.timeline import Left

    row = "name|Nà Mòn|lo van ba|"

    def gone(years: dict[str, int], aged: tuple[int, ...] = ()) -> Left:
        """Households that left in April: code -> the head's stored birth year; ``aged``: the
        stored years read from an age."""
        left = Left({f"id|{c.lower()}": "2024-04" for c in years}, {})
        left.stored = {f"id|{c.lower()}": (row + str(born), c, "Lò Văn Ba", born)
                       for c, born in years.items()}  # fmt: skip
        left.aged = {row + str(born) for born in aged}
        return left

    nm3 = ("id|nm3", "NM3", "Lò Văn Ba", 1972, True)
    left = gone({"NM3": 1972})
    assert left_by_name(row + "1971", left, set()) is None
    assert left_by_name(row + "1971", left, set(), aged=True) == nm3
    left = gone({"NM3": 1972}, aged=(1972,))
    assert left_by_name(row + "1971", left, set()) == nm3
    assert left_by_name(row + "1973", left, set()) == nm3
    assert left_by_name(row + "1974", left, set()) is None
    assert left_by_name(row + "1971", left, {"nm3"}) is None  # its code written in another row
    left = gone({"NM3": 1972, "NM9": 1971}, aged=(1972,))
    assert left_by_name(row + "1971", left, set()) == ("id|nm9", "NM9", "Lò Văn Ba", 1971, True)
    left = gone({"NM3": 1972, "NM8": 1970}, aged=(1972, 1970))
    assert left_by_name(row + "1971", left, set()) is None


NEAR_VI = (
    "Dòng này không ghi Mã hộ, nhưng họ tên chủ hộ và năm sinh (lệch một năm, năm sinh tính từ "
    "tuổi) trùng với hộ 'NM3' (Hoàng Văn NM3, 1971), hộ đã ra khỏi danh sách hộ nghèo, hộ cận "
    "nghèo từ tháng 04/2024 (theo số liệu xã đã tổng hợp): dòng của hộ vẫn được chép sang danh "
    "sách này, các ô F8 'Hộ nghèo', G8 'Hộ cận nghèo', H8 'Hộ nghèo', I8 'Hộ cận nghèo' đều để "
    "trống. Xã tính hộ là hộ đã thoát, không cần ghi Mã hộ cho dòng này. Hãy xóa dòng này khỏi "
    "danh sách."
)


def test_a_row_copied_on_without_its_code_a_year_off_an_aged_april_is_known(tmp_path):
    """tests/test_left_copied_on.py's April (NM3 'Hoàng Văn NM3' left under 'Đầu kỳ' only),
    written in ages: every head 53, read 2024 - 53 = 1971, stored marked. May, April's list
    copied on, NM3's row 8 marked nowhere, without its Mã hộ, born 1970 (the year, as the head
    was told): a year off the stored 1971, which came from an age, so the row is NM3's
    (before: 'Thiếu Mã hộ' and class-marks-none, both errors, the row left out). One warning
    at H8 saying the year is one off; counted exited: since the start poor 3 - 1 = 2,
    near-poor 2, as with the exact year. `check` given the history says the same."""
    import openpyxl

    from pipeline import history as hist
    from pipeline.checkfiles import check_files
    from tests.commune import write_plan
    from tests.test_left_copied_on import (
        APRIL,
        MAY,
        na_mon_figures,
        named_as_at_start,
        write_na_mon_month,
    )

    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    april = named_as_at_start(write_na_mon_month(folder, "2024-04", APRIL))
    book = openpyxl.load_workbook(april)
    for row in range(6, 11):
        book["Danh sách"][f"D{row}"] = 53
    book.save(april)
    execute(folder, out, "2024-04")
    may_file = named_as_at_start(write_na_mon_month(folder, "2024-05", MAY), code=False, born=1970)
    may = execute(folder, out, "2024-05")[0]
    codes = ("class-marks-none", "household-left-copied-on", "missing-household-id")
    said = sorted((i.row, i.code, i.cell, i.variant, i.severity, i.message("vi"))
                  for i in may.issues if i.code in codes)  # fmt: skip
    assert said == [(8, "household-left-copied-on", "H8", "by-name", "warning", NEAR_VI)]
    [warning] = [i for i in may.issues if i.code == "household-left-copied-on"]
    assert (
        "the head's name and birth year (one year off, a year read from an age) are those of "
        "household 'NM3' (Hoàng Văn NM3, 1971)"
    ) in warning.message("en")
    poor, near_poor, since_start, _ = na_mon_figures(may)
    assert (poor, near_poor) == (2, 2)
    assert since_start == {"poor": {"start": 3, "exited": 1, "end": 2},
                           "near_poor": {"start": 2, "end": 2}}  # fmt: skip
    store = hist.HistoryStore(out / hist.HISTORY_FILE, read_only=True)
    checked = check_files([may_file, folder / "KeHoach_2024.xlsx"], history=store)
    assert sorted((i.row, i.code, i.cell, i.variant, i.severity, i.message("vi"))
                  for i in checked if i.code in codes) == said  # fmt: skip
