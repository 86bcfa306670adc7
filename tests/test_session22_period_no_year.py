"""Session 22: a 'Kỳ báo cáo' written with a month and no year ('tháng 5', 'T5', a bare 5) is
read with the year of the file name when it names that month, else of the commune's plan, and
said at the cell (period-no-year); with no year anywhere (`giamngheo check` of the file alone,
its name giving no period of that month) it is refused, saying the year is missing. Expected
figures are worked out by hand from the small commune of tests/commune.py (docs/decisions.md)."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import collect
from pipeline.text import parse_month_only
from tests.commune import person, write_plan, write_roster


@pytest.mark.parametrize(
    "written, month",
    [("tháng 5", 5), ("Tháng 05", 5), ("T5", 5), ("th 5", 5), ("Th.5", 5), ("T12", 12), ("5", 5),
     (5, 5), (5.0, 5), ("Tháng 5 năm", 5),
     # not a month alone: no month, a month in words (a form's blank 'Tháng năm'), a year
     ("tháng 13", None), (13, None), ("tháng năm", None), ("05/2024", None), ("x5", None),
     (True, None), (None, None)],
)  # fmt: skip
def test_a_month_without_its_year(written, month):
    assert parse_month_only(written) == month


def _na_mon(folder, name: str, period: object) -> None:
    """Nà Mòn's list (102 households, NM1 and NM2 poor, NM3 near-poor) with ``period`` in
    'Kỳ báo cáo' (B4 of 'Thông tin' in the template), a number written as a number."""
    rows = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "near_poor")]
    path = write_roster(folder, name, "Nà Mòn", 102, rows, period="05/2024")
    book = openpyxl.load_workbook(path)
    assert book["Thông tin"]["A4"].value == "Kỳ báo cáo"
    book["Thông tin"]["B4"] = period
    book.save(path)


def _counted(result) -> tuple:
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    return na_mon["status"], na_mon["poor"], na_mon["near_poor"], na_mon["poor_rate"]


def _said(issues) -> list[tuple]:
    return [(i.file, i.sheet, i.cell, i.severity, i.message("vi"), i.message("en"))
            for i in issues if i.code in ("period-no-year", "invalid-period")]  # fmt: skip


FROM_NAME = (
    "DS_NaMon_2024-05.xlsx", "Thông tin", "B4", "warning",
    "Ô 'Kỳ báo cáo' ghi 'tháng 5': có tháng nhưng không ghi năm. Đã lấy năm theo tên tệp "
    "(DS_NaMon_2024-05.xlsx), ghi cùng tháng, nên danh sách được hiểu là của kỳ 05/2024. Hãy "
    "ghi đủ tháng và năm, ví dụ 05/2024; nếu danh sách không phải của kỳ 05/2024, hãy ghi đúng "
    "tháng và năm rồi gửi lại.",
    "The 'Kỳ báo cáo' cell says 'tháng 5': a month without its year. The year was taken from "
    "the file name (DS_NaMon_2024-05.xlsx), which gives the same month, so the list is read as "
    "period 05/2024. Write the month with its year, such as 05/2024; if the list is not of "
    "05/2024, write its right month and year and send it again.",
)  # fmt: skip


def test_tháng_5_in_a_file_named_for_may_2024_is_may_2024(tmp_path):
    """'tháng 5' in DS_NaMon_2024-05.xlsx: the file name gives May 2024, the same month. The
    list counts as usual (2 poor, 1 near-poor of 102 households: 2/102 = 1.96 %), and the cell
    is told where the year came from; `check` of the folder says the same."""
    write_plan(tmp_path)
    _na_mon(tmp_path, "DS_NaMon_2024-05.xlsx", "tháng 5")
    result, _ = collect(tmp_path, None)
    assert result.period == "2024-05"
    assert _counted(result) == ("ok", 2, 1, pytest.approx(2 / 102 * 100))
    assert _said(result.issues) == [FROM_NAME]
    assert _said(check_files([tmp_path])) == [FROM_NAME]


@pytest.mark.parametrize("written, shown", [("T5", "T5"), (5, "5")])
def test_a_month_alone_in_a_file_named_without_a_period_takes_the_plan_year(
    tmp_path, written, shown
):
    """'T5' (or the number 5) in NaMon.xlsx, whose name gives no period: the plan is of 2024,
    so May 2024, counted as usual, and said naming the plan; `check` with the plan says the
    same, and without it (the file alone) refuses the list, saying its year is missing."""
    write_plan(tmp_path)
    _na_mon(tmp_path, "NaMon.xlsx", written)
    result, _ = collect(tmp_path, None)
    assert result.period == "2024-05"
    assert _counted(result) == ("ok", 2, 1, pytest.approx(2 / 102 * 100))
    said = (
        "NaMon.xlsx", "Thông tin", "B4", "warning",
        f"Ô 'Kỳ báo cáo' ghi '{shown}': có tháng nhưng không ghi năm. Đã lấy năm theo kế hoạch "
        "năm 2024 của xã (KeHoach_2024.xlsx), nên danh sách được hiểu là của kỳ 05/2024. Hãy "
        "ghi đủ tháng và năm, ví dụ 05/2024; nếu danh sách không phải của kỳ 05/2024, hãy ghi "
        "đúng tháng và năm rồi gửi lại.",
        f"The 'Kỳ báo cáo' cell says '{shown}': a month without its year. The year was taken "
        "from the commune's plan for 2024 (KeHoach_2024.xlsx), so the list is read as period "
        "05/2024. Write the month with its year, such as 05/2024; if the list is not of 05/2024, "
        "write its right month and year and send it again.",
    )  # fmt: skip
    assert _said(result.issues) == [said]
    assert _said(check_files([tmp_path])) == [said]
    assert _said(check_files([tmp_path / "NaMon.xlsx"])) == [(
        "NaMon.xlsx", "Thông tin", "B4", "error",
        f"Kỳ báo cáo '{shown}' chỉ ghi tháng, không ghi năm; tên tệp không ghi kỳ của tháng đó và "
        "không có kế hoạch của xã để lấy năm, nên xã không biết danh sách là của năm nào. Hãy "
        "ghi đủ tháng và năm, ví dụ 05/2024.",
        f"Reporting period '{shown}' gives a month but no year; the file name gives no period of "
        "that month and there is no commune plan to take the year from, so the commune cannot "
        "tell which year the list is for. Write the month with its year, such as 05/2024.",
    )]  # fmt: skip


def test_a_month_alone_other_than_the_file_name_s_takes_the_plan_year_and_says_both(tmp_path):
    """'tháng 5' in DS_NaMon_2024-04.xlsx: the file name names April, not May, so it gives no
    year; the plan's (2024) does: May 2024, counted in May's run, and the file name's April is
    said (by `check`, and by April's run) as for any period other than the file name's
    (period-differs-from-file-name)."""
    write_plan(tmp_path)
    _na_mon(tmp_path, "DS_NaMon_2024-04.xlsx", "tháng 5")
    result, _ = collect(tmp_path, "2024-05")
    assert _counted(result) == ("ok", 2, 1, pytest.approx(2 / 102 * 100))
    [said] = [i for i in result.issues if i.code == "period-no-year"]
    assert (said.cell, said.detail) == ("B4", "05/2024")
    assert "kế hoạch năm 2024 của xã (KeHoach_2024.xlsx)" in said.message("vi")
    checked = check_files([tmp_path])
    assert [(i.code, i.cell, i.detail) for i in checked if i.code.startswith("period-")] == [
        ("period-differs-from-file-name", "B4", "04/2024"), ("period-no-year", "B4", "05/2024"),
    ]  # fmt: skip


def test_a_full_period_is_not_said_to_lack_its_year(tmp_path):
    write_plan(tmp_path)
    _na_mon(tmp_path, "NaMon.xlsx", "05/2024")
    result, _ = collect(tmp_path, None)
    assert _counted(result)[:3] == ("ok", 2, 1)
    assert _said(result.issues) == []


def test_a_month_alone_in_a_block_above_the_list_is_read_the_same(tmp_path):
    """A one-sheet NaMon.xlsx with its 'Thông tin' lines above the list ("Kỳ báo cáo: tháng 5"
    in A4, "Ngày lập: 03/06/2024" in A7; the list's header in row 9): May of the plan's year,
    counted (NM1, NM5, NM6 poor, NM2, NM4 near-poor of 102), said at A4. The block's 'Ngày
    lập' line is no title naming June (its lines are no title rows), so nothing says the
    title names another month."""
    from tests import messy

    write_plan(tmp_path)
    roster = messy.roster_sheet(messy.na_mon_households(), messy.Layout(sheet="DS"),
                                messy.Typing())  # fmt: skip
    info = messy.info_sheet(messy.info_values("Nà Mòn", "tháng 5", 102), "inline")
    messy.write_book(tmp_path / "NaMon.xlsx", [messy.stacked(info, roster)])
    result, _ = collect(tmp_path, None)
    assert result.period == "2024-05"
    assert _counted(result) == ("ok", 3, 2, pytest.approx(3 / 102 * 100))
    said = [(i.code, i.sheet, i.cell, i.detail) for i in result.issues if i.file == "NaMon.xlsx"]
    assert said == [("period-no-year", "DS", "A4", "05/2024")]
    checked = check_files([tmp_path])
    assert [(i.code, i.sheet, i.cell, i.detail) for i in checked if i.file == "NaMon.xlsx"] == said
