"""Session 20: a household that left, copied on in a 'Đầu kỳ | Cuối kỳ' list (docs/decisions.md).

Heads copy last month's list on to the next month: a household that left in April stays in
May's list as a row marked nowhere (nothing under 'Đầu kỳ', since it was on no list at the
start of May, nothing under 'Cuối kỳ'). With the commune's history showing it left, the row
is that household's, copied on: a warning, counted as exited; without, the error as before.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from pipeline import history as hist
from pipeline.checkfiles import check_files
from pipeline.run import execute
from tests import messy
from tests.commune import write_plan
from tests.test_class_marks import full_two_times_sheet

POOR, NEAR = "Hộ nghèo", "Hộ cận nghèo"
DEPRIVED = (4, 9, 10)  # three indicators: poor by the standard below 1.500.000 đ

# April, from Excel row 6 (Mã hộ, class under 'Đầu kỳ', under 'Cuối kỳ', income, indicators
# deprived): NM3 poor at the start only, so it left (above the line, no deprivation).
APRIL = [
    ("NM1", POOR, POOR, 1_200_000, DEPRIVED),  # row 6
    ("NM2", POOR, POOR, 1_200_000, DEPRIVED),  # 7
    ("NM3", POOR, None, 2_000_000, ()),  # 8: left in April
    ("NM4", NEAR, NEAR, 1_200_000, ()),  # 9
    ("NM5", NEAR, NEAR, 1_200_000, ()),  # 10
]
# May, April's list copied on, its 'Cuối kỳ' marks moved under 'Đầu kỳ': NM3 marked nowhere
MAY = [(code, after, after, money, deprived) for code, _, after, money, deprived in APRIL]
FOUR_CELLS = "F8 'Hộ nghèo', G8 'Hộ cận nghèo', H8 'Hộ nghèo', I8 'Hộ cận nghèo'"
WARNING_VI = (
    "Hộ đã ra khỏi danh sách hộ nghèo, hộ cận nghèo từ tháng 04/2024 (theo số liệu xã đã tổng "
    f"hợp), nhưng dòng của hộ vẫn được chép sang danh sách này, các ô {FOUR_CELLS} đều để "
    "trống; xã tính hộ là hộ đã thoát. Hãy xóa dòng này khỏi danh sách."
)


def write_na_mon_month(folder: Path, period: str, rows) -> Path:
    month = period[5:7]
    info = messy.info_values("Nà Mòn", f"{month}/2024", 100, prepared_on=date(2024, 5, 3))
    path = folder / f"NaMon_T{int(month)}.xlsx"
    return messy.write_book(path, [messy.info_sheet(info), full_two_times_sheet(rows)])


def _moves(table: dict | None) -> dict | None:
    """A movements table without its zeros."""
    if table is None:
        return None
    return {side: {k: v for k, v in counts.items() if v} for side, counts in table.items()}


def na_mon_figures(result) -> tuple:
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    return (na_mon["poor"], na_mon["near_poor"], _moves(na_mon["movements"]),
            _moves(na_mon["movements_month"]))  # fmt: skip


def _marks_said(issues, name: str) -> list[tuple]:
    codes = ("class-marks-none", "household-left-copied-on")
    return sorted((i.row, i.code, i.cell, i.column, i.variant, i.severity, i.message("vi"))
                  for i in issues if i.code in codes and i.file == name)  # fmt: skip


def test_a_household_that_left_copied_on_is_counted_exited_with_a_warning(tmp_path):
    """By hand. April (Nà Mòn in 'Đầu kỳ | Cuối kỳ' marks; the start list has NM1-3 poor,
    NM4-5 near-poor): NM3 marked under 'Đầu kỳ' only, so it left: poor 3 - 1 exited = 2,
    near-poor 2; stored as exited in April.
    May, April's list copied on: NM3's row 8 is marked nowhere. The history's April shows NM3
    exited then, so the row is NM3's, copied on: a warning at H8 (its first 'Cuối kỳ' cell)
    naming the four cells and April, the row counted as exited, nothing left out. Since the
    start: poor 3 - 1 exited (NM3, not 'not_counted') = 2, near-poor 2 -> 2; against April
    nothing moves (exited then, exited now). No row is left out, so no verdict is provisional.
    `check` given the run's history says the same; the feedback shows the warning at H8.
    Without the history (a fresh output folder, `check` alone) the row is the error as before:
    since the start poor 3 - 1 not counted = 2 (NM3 'not_counted', the verdict provisional)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_na_mon_month(folder, "2024-04", APRIL)
    april = execute(folder, out, "2024-04")[0]
    left = {"poor": {"start": 3, "exited": 1, "end": 2}, "near_poor": {"start": 2, "end": 2}}
    assert na_mon_figures(april) == (2, 2, left, None)
    statuses = hist.HistoryStore(out / hist.HISTORY_FILE).statuses(["2024-04"])
    assert statuses.loc[statuses["hh_key"] == "id|nm3", "status"].tolist() == ["exited"]

    may_file = write_na_mon_month(folder, "2024-05", MAY)
    may = execute(folder, out, "2024-05")[0]
    quiet = {"poor": {"start": 2, "end": 2}, "near_poor": {"start": 2, "end": 2}}
    assert na_mon_figures(may) == (2, 2, left, quiet)
    said = _marks_said(may.issues, "NaMon_T5.xlsx")
    assert said == [(8, "household-left-copied-on", "H8", "Phân loại hộ Cuối kỳ", "", "warning",
                     WARNING_VI)]  # fmt: skip
    [warning] = [i for i in may.issues if i.code == "household-left-copied-on"]
    assert warning.message("en") == (
        "The household left the poor and near-poor lists in 04/2024 (by the months the commune "
        f"has consolidated), but its row was copied on to this list, cells {FOUR_CELLS} all "
        "blank; the commune counts it as exited. Delete this row from the list."
    )
    rows = may.households.set_index("ma_ho")
    assert (rows.at["NM3", "phan_loai"], bool(rows.at["NM3", "valid"])) == ("exited", True)
    assert rows["valid"].all()  # no row of Nà Mòn's left out
    # 'Biến động': NM3 exited since the start of the year, not 'Chưa tính (dòng có lỗi)'
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")
    listed = [r[2:9] for r in book["Biến động"].iter_rows(values_only=True) if r[2] == "NM3"]
    assert [(r[0], r[3], r[6]) for r in listed] == [("NM3", "Thoát nghèo", "Từ đầu năm")]
    # the hamlets' sheet marks no verdict provisional
    hamlets = [c for r in book["Theo xóm"].iter_rows(values_only=True) for c in r]
    assert not any(isinstance(c, str) and "(**)" in c for c in hamlets)
    # the feedback: the warning at H8, in the guide and as the cell's note
    feedback = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    guide = [r for r in feedback["Hướng dẫn sửa"].iter_rows(values_only=True) if r and r[0]]
    h8 = next(r for r in guide if "H8" in r)
    assert h8[1:5] == ("Danh sách", "H8", 8, "Phân loại hộ Cuối kỳ")
    assert h8[6:] == ("Cảnh báo", WARNING_VI)
    assert feedback["Danh sách"]["H8"].comment.text.startswith(WARNING_VI[:40])
    # `check` with the run's history (read-only) says the same; without, the error
    store = hist.HistoryStore(out / hist.HISTORY_FILE, read_only=True)
    plan = folder / "KeHoach_2024.xlsx"
    assert _marks_said(check_files([may_file, plan], history=store), "NaMon_T5.xlsx") == said
    error = [(8, "class-marks-none", "H8", "Phân loại hộ Cuối kỳ", "start-and-end", "error")]
    alone = _marks_said(check_files([may_file, plan]), "NaMon_T5.xlsx")
    assert [s[:6] for s in alone] == error

    # a fresh output folder (no history): the error as before, NM3 not counted
    fresh = execute(folder, tmp_path / "moi", "2024-05")[0]
    assert [s[:6] for s in _marks_said(fresh.issues, "NaMon_T5.xlsx")] == error
    held = {"poor": {"start": 3, "not_counted": 1, "end": 2}, "near_poor": {"start": 2, "end": 2}}
    assert na_mon_figures(fresh) == (2, 2, held, None)
    book = openpyxl.load_workbook(tmp_path / "moi" / "2024-05" / "TongHop_2024-05.xlsx")
    assert "Đạt (**)" in [c for r in book["Theo xóm"].iter_rows(values_only=True) for c in r]


def test_a_row_marked_nowhere_of_a_household_listed_last_month_stays_an_error(tmp_path):
    """April as above. May, NM2 (poor in April, so on a list last month) is also marked
    nowhere: no evidence that it left, so its class is forgotten: 'class-marks-none'
    ('start-and-end'), not counted, in the run and in `check` given the history; NM3 (row 8)
    is the household that left, copied on. By hand since the start: poor 3 - 1 exited (NM3)
    - 1 not counted (NM2) = 1; against April: poor 2 - 1 not counted = 1."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    write_na_mon_month(folder, "2024-04", APRIL)
    execute(folder, out, "2024-04")
    rows = [("NM2", None, None, *MAY[1][3:]) if r[0] == "NM2" else r for r in MAY]
    may_file = write_na_mon_month(folder, "2024-05", rows)
    may = execute(folder, out, "2024-05")[0]
    said = _marks_said(may.issues, "NaMon_T5.xlsx")
    assert [s[:6] for s in said] == [
        (7, "class-marks-none", "H7", "Phân loại hộ Cuối kỳ", "start-and-end", "error"),
        (8, "household-left-copied-on", "H8", "Phân loại hộ Cuối kỳ", "", "warning"),
    ]
    assert na_mon_figures(may) == (
        1, 2,
        {"poor": {"start": 3, "exited": 1, "not_counted": 1, "end": 1},
         "near_poor": {"start": 2, "end": 2}},
        {"poor": {"start": 2, "not_counted": 1, "end": 1}, "near_poor": {"start": 2, "end": 2}},
    )  # fmt: skip
    store = hist.HistoryStore(out / hist.HISTORY_FILE, read_only=True)
    checked = check_files([may_file, folder / "KeHoach_2024.xlsx"], history=store)
    assert _marks_said(checked, "NaMon_T5.xlsx") == said


def test_left_lists_walks_the_years_stored_months_before_the_period():
    """By hand, stored months of 2024 before July (2023's December and July itself not read):
    'a' poor in April, Thoát in May, its row copied on and left out for an error in June: left
    in May (a row left out puts none back). 'b' poor in April, missing from May's list of its
    hamlet (which reported): left in May. 'c' Thoát in April, poor again in June: listed, not
    left. 'd' in Đồng Kè, which sent nothing in June: still listed. 'e' Thoát in 2023 only:
    not read. 'f' Thoát in July: after the period asked for."""
    import pandas as pd

    from pipeline.timeline import left_lists

    rows = [
        ("2023-12", "Nà Mòn", "e", "exited"),
        ("2024-04", "Nà Mòn", "a", "poor"),
        ("2024-04", "Nà Mòn", "b", "poor"),
        ("2024-04", "Nà Mòn", "c", "exited"),
        ("2024-04", "Đồng Kè", "d", "near_poor"),
        ("2024-05", "Nà Mòn", "a", "exited"),
        ("2024-05", "Đồng Kè", "d", "near_poor"),
        ("2024-06", "Nà Mòn", "a", "not_counted"),
        ("2024-06", "Nà Mòn", "c", "poor"),
        ("2024-07", "Nà Mòn", "f", "exited"),
    ]
    statuses = pd.DataFrame(rows, columns=["period", "hamlet", "hh_key", "status"])
    assert left_lists(statuses, "2024-07") == {"a": "2024-05", "b": "2024-05"}
    assert left_lists(statuses, "2024-05") == {"c": "2024-04"}


# --- session 21: the row copied on without its Mã hộ ------------------------------------------

BY_NAME_VI = (
    "Dòng này không ghi Mã hộ, nhưng họ tên chủ hộ và năm sinh trùng với hộ 'NM3' (Hoàng Văn "
    "NM3, 1970), hộ đã ra khỏi danh sách hộ nghèo, hộ cận nghèo từ tháng 04/2024 (theo số liệu "
    f"xã đã tổng hợp): dòng của hộ vẫn được chép sang danh sách này, các ô {FOUR_CELLS} đều để "
    "trống. Xã tính hộ là hộ đã thoát, không cần ghi Mã hộ cho dòng này. Hãy xóa dòng này khỏi "
    "danh sách."
)


def named_as_at_start(path: Path, *, code: bool = True, born: int = 1970) -> Path:
    """NM3's row 8 named as the start list names it ('Hoàng Văn NM3', 1970: tests.commune),
    its Mã hộ cleared unless ``code``, its birth year ``born``."""
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    sheet["C8"], sheet["D8"] = "Hoàng Văn NM3", born
    if not code:
        sheet["B8"] = None
    book.save(path)
    return path


def april_then_may_without_code(tmp_path: Path, born: int) -> tuple[Path, Path, Path, object]:
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    named_as_at_start(write_na_mon_month(folder, "2024-04", APRIL))
    execute(folder, out, "2024-04")
    may_file = named_as_at_start(write_na_mon_month(folder, "2024-05", MAY), code=False, born=born)
    return folder, out, may_file, execute(folder, out, "2024-05")[0]


def test_a_household_that_left_copied_on_without_its_mã_hộ_is_known_by_name(tmp_path):
    """By hand. April as above (NM3, 'Hoàng Văn NM3' born 1970, left under 'Đầu kỳ' only;
    stored exited under its code). May, April's list copied on, NM3's row 8 marked nowhere and
    its Mã hộ left blank: the history's April row of NM3 has the same hamlet, head's name and
    birth year, the rule timeline.departures holds a household by, so the row is NM3's, copied
    on: one warning at H8 naming NM3 and April (no 'Thiếu Mã hộ': the row is to be deleted),
    the row counted as exited, stored exited under NM3's code. Since the start: poor 3 - 1
    exited = 2, near-poor 2 (before, NM3 was 'not_counted': the row left out held it by
    name); against April nothing moves; no verdict provisional. `check` given the history says
    the same; the feedback shows it at H8."""
    folder, out, may_file, may = april_then_may_without_code(tmp_path, 1970)
    codes = ("class-marks-none", "household-left-copied-on", "missing-household-id")
    said = sorted((i.row, i.code, i.cell, i.variant, i.severity, i.message("vi"))
                  for i in may.issues if i.code in codes)  # fmt: skip
    assert said == [(8, "household-left-copied-on", "H8", "by-name", "warning", BY_NAME_VI)]
    [warning] = [i for i in may.issues if i.code == "household-left-copied-on"]
    assert warning.message("en").startswith(
        "This row has no 'Mã hộ', but the head's name and birth year are those of household "
        "'NM3' (Hoàng Văn NM3, 1970), which left the poor and near-poor lists in 04/2024 "
    )
    left = {"poor": {"start": 3, "exited": 1, "end": 2}, "near_poor": {"start": 2, "end": 2}}
    quiet = {"poor": {"start": 2, "end": 2}, "near_poor": {"start": 2, "end": 2}}
    assert na_mon_figures(may) == (2, 2, left, quiet)
    assert may.households["valid"].all()
    statuses = hist.HistoryStore(out / hist.HISTORY_FILE).statuses(["2024-05"])
    assert statuses.loc[statuses["hh_key"] == "id|nm3", "status"].tolist() == ["exited"]
    assert not statuses["hh_key"].str.startswith("name|").any()
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")
    hamlets = [c for r in book["Theo xóm"].iter_rows(values_only=True) for c in r]
    assert not any(isinstance(c, str) and "(**)" in c for c in hamlets)
    feedback = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    guide = [r for r in feedback["Hướng dẫn sửa"].iter_rows(values_only=True) if r and r[0]]
    assert [r[2] for r in guide if r[3] == 8] == ["H8"]
    assert next(r for r in guide if r[2] == "H8")[6:] == ("Cảnh báo", BY_NAME_VI)
    store = hist.HistoryStore(out / hist.HISTORY_FILE, read_only=True)
    checked = check_files([may_file, folder / "KeHoach_2024.xlsx"], history=store)
    assert sorted((i.row, i.code, i.cell, i.variant, i.severity, i.message("vi"))
                  for i in checked if i.code in codes) == said  # fmt: skip


def test_a_row_without_mã_hộ_of_another_birth_year_is_not_the_household_that_left(tmp_path):
    """As above, but row 8 writes 'Hoàng Văn NM3' born 1985: not the household stored (the
    birth year differs; timeline's rule would not hold NM3 by it). Both errors stay, in the run
    and in `check` given the history: 'Thiếu Mã hộ' at B8, class-marks-none at H8; the row is
    left out. NM3 is out of the lists since April and the row holds no start household by name
    (born 1985): since the start poor 3 - 1 exited = 2, against April nothing moves."""
    folder, out, may_file, may = april_then_may_without_code(tmp_path, 1985)
    codes = ("class-marks-none", "household-left-copied-on", "missing-household-id")
    said = sorted((i.row, i.code, i.cell, i.variant, i.severity)
                  for i in may.issues if i.code in codes)  # fmt: skip
    assert said == [
        (8, "class-marks-none", "H8", "start-and-end", "error"),
        (8, "missing-household-id", "B8", "", "error"),
    ]
    left = {"poor": {"start": 3, "exited": 1, "end": 2}, "near_poor": {"start": 2, "end": 2}}
    quiet = {"poor": {"start": 2, "end": 2}, "near_poor": {"start": 2, "end": 2}}
    assert na_mon_figures(may) == (2, 2, left, quiet)
    assert may.households["valid"].sum() == 4
    store = hist.HistoryStore(out / hist.HISTORY_FILE, read_only=True)
    checked = check_files([may_file, folder / "KeHoach_2024.xlsx"], history=store)
    assert sorted((i.row, i.code, i.cell, i.variant, i.severity)
                  for i in checked if i.code in codes) == said  # fmt: skip


def test_left_lists_holds_a_household_by_name_as_departures_does():
    """By hand, Nà Mòn's stored months: 'id|a' poor in April; in May its row, its Mã hộ left
    blank, is left out for an error, stored by its name key 'name|Nà Mòn|lo van a|1970': the
    row holds 'a' (same hamlet, name and birth year), so 'a' has not left (before: left in
    May). 'id|b' poor in April, missing in May, held by no row ('lo van b' born 1980 is not
    'lo van b' born 1970): left in May. timeline.departures reads both alike (it also takes
    the 1980 row's household, first written in a row with an error, for one on no list)."""
    import pandas as pd

    from pipeline.timeline import departures, left_lists

    rows = [
        ("2024-04", "Nà Mòn", "id|a", "poor"),
        ("2024-04", "Nà Mòn", "id|b", "poor"),
        ("2024-05", "Nà Mòn", "name|Nà Mòn|lo van a|1970", "not_counted"),
        ("2024-05", "Nà Mòn", "name|Nà Mòn|lo van b|1980", "not_counted"),
    ]
    statuses = pd.DataFrame(rows, columns=["period", "hamlet", "hh_key", "status"])
    names = {"2024-04": {"id|a": "name|Nà Mòn|lo van a|1970", "id|b": "name|Nà Mòn|lo van b|1970"},
             "2024-05": {}}  # fmt: skip
    assert left_lists(statuses, "2024-06") == {"id|a": "2024-05", "id|b": "2024-05"}
    found = left_lists(statuses, "2024-06", None, names.__getitem__)
    assert (found, found.seen) == ({"id|b": "2024-05"}, {"id|b": "2024-04"})
    out = departures(statuses, None, names.__getitem__, ["2024-06"]).out_at["2024-06"]
    assert out & {"id|a", "id|b"} == {"id|b"}


def test_a_row_without_a_code_is_matched_to_one_household_that_left_by_timelines_rule():
    """``left_by_name``, by hand: 'Lò Văn Ba' born 1972 left in April (code 'NM3'). A row of
    Nà Mòn without a code named so, born 1972, is it; with no birth year too (the rule holds a
    household by name alone where the row writes no year); born 1980, or in Bản Cọ, it is not.
    Two households that left with that name and year: neither (which one is not known). Its
    code written in another row of the list: that row is its own."""
    from pipeline.rosterchecks import left_by_name
    from pipeline.timeline import Left

    left = Left({"id|nm3": "2024-04"}, {"id|nm3": "2024-04"})
    left.stored = {"id|nm3": ("name|Nà Mòn|lo van ba|1972", "NM3", "Lò Văn Ba", 1972)}
    row = "name|Nà Mòn|lo van ba|"
    assert left_by_name(row + "1972", left, set()) == ("id|nm3", "NM3", "Lò Văn Ba", 1972, True)
    assert left_by_name(row, left, set()) == ("id|nm3", "NM3", "Lò Văn Ba", 1972, False)
    assert left_by_name(row + "1980", left, set()) is None
    assert left_by_name("name|Bản Cọ|lo van ba|1972", left, set()) is None
    assert left_by_name(row + "1972", left, {"nm3"}) is None
    left["id|nm9"] = "2024-04"
    left.stored["id|nm9"] = ("name|Nà Mòn|lo van ba|1972", "NM9", "Lò Văn Ba", 1972)
    assert left_by_name(row + "1972", left, set()) is None


def test_two_rows_without_a_code_of_one_household_that_left_count_it_once():
    """``left_copied_on`` by hand: rows 8 and 9 of one list, both without a Mã hộ, both
    'Hoàng Văn NM3' born 1970, marked nowhere; NM3 left in April. Row 8 is its copy: the
    warning (variant 'by-name'), counted exited under 'NM3'; row 9 is not counted as NM3 a
    second time: its two errors stay, not counted."""
    import numpy as np
    import pandas as pd

    from pipeline.rosterchecks import left_copied_on
    from pipeline.timeline import Left
    from pipeline.types import Issue

    typed = pd.DataFrame({"excel_row": [8, 9], "ma_ho": ["", ""], "hamlet": ["Nà Mòn"] * 2,
                          "chu_ho": ["Hoàng Văn NM3"] * 2, "nam_sinh": [1970, 1970],
                          "phan_loai": [None, None]})  # fmt: skip
    valid = np.array([False, False])
    issues = [
        Issue(code, file="T5.xlsx", sheet="Danh sách", row=row, cell=f"{cell}{row}",
              variant=variant)
        for row in (8, 9)
        for code, cell, variant in (("missing-household-id", "B", ""),
                                    ("class-marks-none", "H", "start-and-end"))
    ]  # fmt: skip
    left = Left({"id|nm3": "2024-04"}, {"id|nm3": "2024-04"})
    left.stored = {"id|nm3": ("name|Nà Mòn|hoang van nm3|1970", "NM3", "Hoàng Văn NM3", 1970)}
    said = left_copied_on(issues, typed, valid, 0, 2, left)
    assert sorted((i.row, i.code, i.variant) for i in said) == [
        (8, "household-left-copied-on", "by-name"),
        (9, "class-marks-none", "start-and-end"),
        (9, "missing-household-id", ""),
    ]
    assert typed["ma_ho"].tolist() == ["NM3", ""]
    assert typed["phan_loai"].tolist() == ["exited", None]
    assert valid.tolist() == [True, False]
