"""Session 32: 'Xu hướng' says whose the earlier points of a renamed or merged hamlet are.

The small commune (tests/commune.py) and the renamed and merged years of
tests/test_session32_renames.py: Nà Mòn's start list NM1-3 poor, NM4-5 near-poor (100
households); Bản Cọ's BC1-2 poor, BC3 near-poor (200); Đồng Kè sends nothing. Each renamed or
merged hamlet gets one note under the hamlet tables, and its JSON figures say the old names
(``renamed_from``) and the month of each merger (``merged_since``).
"""

from __future__ import annotations

from datetime import date

import openpyxl

from pipeline.report.trend import _months_said
from pipeline.run import execute
from tests.commune import (
    new_commune,
    person,
    write_merged_plan,
    write_roster,
)
from tests.summaries import json_summary
from tests.test_session32_renames import (
    hamlet_in_summary,
    na_mon_run,
    renamed_plan,
    renamed_twice,
    write_na_mon_under,
)


def _notes(out, period: str) -> tuple[dict[str, list[str]], list[int]]:
    """The notes of 'Xu hướng' that name a hamlet ('Xóm …:' / 'Hamlet …:'), by the hamlet table
    they are under ('II' poor, 'III' near-poor), and the sheet's page breaks (the rows after
    which a printed page ends)."""
    sheet = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Xu hướng"]
    notes: dict[str, list[str]] = {"II": [], "III": []}
    table = None
    for cell, *_ in sheet.iter_rows():
        text = cell.value if isinstance(cell.value, str) else ""
        if text.startswith(("II.", "III.")):
            table = text.split(".")[0]
        elif text.startswith(("Xóm ", "Hamlet ")) and ":" in text:
            notes[table].append(text)
    return notes, [b.id for b in sheet.row_breaks.brk]


def trend_texts(out, period: str) -> list[str]:
    """The notes naming a hamlet under the poor table (table II), where they always are."""
    return _notes(out, period)[0]["II"]


def ban_co(folder, period: str) -> None:
    """Bản Cọ's list of ``period``: BC1-2 poor, BC3 near-poor of 200."""
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    month = int(period[5:])
    write_roster(folder, f"BanCo_{period}.xlsx", "Bản Cọ", 200, rows, period=period,
                 prepared=date(2024, month + 1, 3))  # fmt: skip


def merged_plan(folder, new: str = "Nà Mòn") -> None:
    """The plan with Bản Cọ merged into Nà Mòn, written ``new`` (one row: 300, 5, 3)."""
    write_merged_plan(folder, new)


def _merged_list(folder, period: str, new: str = "Nà Mòn") -> None:
    """The merged hamlet's list: NM1-3, BC1 poor, NM4-5, BC2-3 near-poor of 300."""
    rows = [person(f"NM{i}", "poor") for i in (1, 2, 3)]
    rows += [person(f"NM{i}", "near_poor") for i in (4, 5)]
    rows += [person("BC1", "poor"), person("BC2", "near_poor"), person("BC3", "near_poor")]
    month = int(period[5:])
    write_roster(folder, f"XomMoi_{period}.xlsx", new, 300, rows, period=period,
                 prepared=date(2024, month + 1, 3))  # fmt: skip


def lists_run(folder, out, period: str, hamlet: str, near: tuple[int, ...]) -> None:
    """Nà Mòn's list of ``period`` under ``hamlet`` (:func:`_na_mon`) and Bản Cọ's
    (:func:`_ban_co`) written, and the month run."""
    write_na_mon_under(folder, period, hamlet, near)
    ban_co(folder, period)
    execute(folder, out, period)


def merged_run(folder, out, period: str, new: str = "Nà Mòn") -> None:
    """The merged hamlet's list of ``period`` (:func:`_merged_list`) written, and the month run."""
    _merged_list(folder, period, new)
    execute(folder, out, period)


def test_a_hamlet_renamed_twice_is_said_with_both_old_names_and_their_months(tmp_path):
    # March 'Nà Mòn' (3.0 %), April 'Nà Mòn Mới' (2.0 %), May 'Tân Mòn' (1.0 %): May's row of
    # Tân Mòn holds March's point (Nà Mòn's) and April's (Nà Mòn Mới's)
    folder, out = renamed_twice(tmp_path)
    assert hamlet_in_summary(out, "2024-04", "Nà Mòn Mới")["renamed_from"] == [
        {"hamlet": "Nà Mòn", "period": "2024-04"}
    ]
    renamed = [
        {"hamlet": "Nà Mòn", "period": "2024-04"},
        {"hamlet": "Nà Mòn Mới", "period": "2024-05"},
    ]
    assert hamlet_in_summary(out, "2024-05", "Tân Mòn")["renamed_from"] == renamed
    assert "merged_since" not in hamlet_in_summary(out, "2024-05", "Tân Mòn")
    assert "renamed_from" not in hamlet_in_summary(out, "2024-05", "Bản Cọ")
    # April: tables II (title row 31) and III (row 39) print on one page (the only break is
    # after row 30): the note once, under table II
    april = "Xóm Nà Mòn Mới: số liệu tháng 03/2024 là của xóm Nà Mòn (đổi tên từ tháng 04/2024)."
    assert _notes(out, "2024-04") == ({"II": [april], "III": []}, [30])
    # May: table II has empty cells (Bản Cọ and Đồng Kè send nothing) and the blank cells'
    # note under it too (session 51), a row more; table III starts a page (break after row 40,
    # its title at row 41): the note again under it, after the blank cells' note, so that each
    # table's page says it
    may = (
        "Xóm Tân Mòn: số liệu tháng 03/2024 là của xóm Nà Mòn (đổi tên từ tháng 04/2024); số "
        "liệu tháng 04/2024 là của xóm Nà Mòn Mới (đổi tên từ tháng 05/2024)."
    )
    assert _notes(out, "2024-05") == ({"II": [may], "III": [may]}, [16, 40])
    # June carries both from May's figures; its sheet in English (--lang en)
    write_na_mon_under(folder, "2024-06", "Tân Mòn", (2, 3, 4, 5))
    execute(folder, out, "2024-06", lang="en")
    assert hamlet_in_summary(out, "2024-06", "Tân Mòn")["renamed_from"] == renamed
    assert trend_texts(out, "2024-06") == [
        "Hamlet Tân Mòn: the figures of 03/2024 are hamlet Nà Mòn's (renamed from 04/2024); the "
        "figures of 04/2024 are hamlet Nà Mòn Mới's (renamed from 05/2024)."
    ]


def test_a_merged_hamlet_is_said_to_include_the_other_in_the_months_before(tmp_path):
    # March and April: Nà Mòn 3 poor of 100, Bản Cọ 2 poor of 200; May's plan merges Bản Cọ
    # into Nà Mòn. May's and June's Nà Mòn row: March and April over both, (3 + 2) / 300
    folder, out = new_commune(tmp_path)
    for period in ("2024-03", "2024-04"):
        lists_run(folder, out, period, "Nà Mòn", (4, 5))
    merged_plan(folder)
    for period in ("2024-05", "2024-06"):
        merged_run(folder, out, period)
        figures = hamlet_in_summary(out, period, "Nà Mòn")
        assert figures["merged_from"] == ["Bản Cọ"], period
        assert figures["merged_since"] == {"Bản Cọ": "2024-05"}, period
        assert "renamed_from" not in figures, period
        assert trend_texts(out, period) == [
            "Xóm Nà Mòn: số liệu các tháng 03–04/2024 gồm cả xóm Bản Cọ (sáp nhập từ tháng "
            "05/2024)."
        ], period
    # the points the note speaks of: (3 + 2) / 300 = 1.67 % in March and April
    points = json_summary(out, "2024-06")["trend"]["hamlets"]["Nà Mòn"]
    assert [round(p["poor_rate"], 2) for p in points] == [1.67, 1.67, 1.33, 1.33]
    # the months before the merger have no note of their own
    assert trend_texts(out, "2024-04") == []


def test_a_hamlet_renamed_with_another_merged_into_it_at_once_is_said_as_both(tmp_path):
    # April: Nà Mòn and Bản Cọ; May's plan writes both as 'Nà Mòn Mới' (Nà Mòn renamed, Bản
    # Cọ merged in): April's point is Nà Mòn's with Bản Cọ's
    folder, out = new_commune(tmp_path)
    lists_run(folder, out, "2024-04", "Nà Mòn", (4, 5))
    merged_plan(folder, "Nà Mòn Mới")
    merged_run(folder, out, "2024-05", "Nà Mòn Mới")
    figures = hamlet_in_summary(out, "2024-05", "Nà Mòn Mới")
    assert figures["renamed_from"] == [{"hamlet": "Nà Mòn", "period": "2024-05"}]
    assert figures["merged_since"] == {"Bản Cọ": "2024-05"}
    assert trend_texts(out, "2024-05") == [
        "Xóm Nà Mòn Mới: số liệu tháng 04/2024 là của xóm Nà Mòn (đổi tên từ tháng 05/2024); "
        "số liệu tháng 04/2024 gồm cả xóm Bản Cọ (sáp nhập từ tháng 05/2024)."
    ]


def test_a_rename_across_a_month_never_run_names_the_first_month_consolidated_under_it(
    tmp_path,
):
    # March 'Nà Mòn'; April's plan renames it; April never run; May 'Nà Mòn Mới': the first
    # month consolidated under the new name is May
    folder, out = new_commune(tmp_path)
    na_mon_run(folder, out, "2024-03", "Nà Mòn", (4, 5))
    renamed_plan(folder, "Nà Mòn Mới")
    na_mon_run(folder, out, "2024-05", "Nà Mòn Mới", (3, 4, 5))
    assert hamlet_in_summary(out, "2024-05", "Nà Mòn Mới")["renamed_from"] == [
        {"hamlet": "Nà Mòn", "period": "2024-05"}
    ]
    assert trend_texts(out, "2024-05") == [
        "Xóm Nà Mòn Mới: số liệu tháng 03/2024 là của xóm Nà Mòn (đổi tên từ tháng 05/2024)."
    ]


def test_a_commune_without_renames_or_mergers_has_no_note_nor_key(tmp_path):
    folder, out = new_commune(tmp_path)
    for period in ("2024-03", "2024-04"):
        na_mon_run(folder, out, period, "Nà Mòn", (4, 5))
    assert trend_texts(out, "2024-04") == []
    for h in json_summary(out, "2024-04")["hamlets"]:
        assert not {"renamed_from", "merged_since", "merged_from"} & h.keys(), h["hamlet"]


def test_the_months_are_said_as_runs():
    # 01, 03, 04: two runs; one month alone is 'tháng', several 'các tháng'
    assert _months_said("vi", ["2024-01", "2024-03", "2024-04"]) == "các tháng 01, 03–04/2024"
    assert _months_said("vi", ["2024-01", "2024-02", "2024-03"]) == "các tháng 01–03/2024"
    assert _months_said("vi", ["2024-03"]) == "tháng 03/2024"
    assert _months_said("en", ["2024-01", "2024-02"]) == "months 01–02/2024"
