"""Session 55 (R8): review of helper L's titles naming another hamlet exactly, Roman numbers in
titles, rows another hamlet's list holds and the held-several words, as heads would break them.

The small commune (tests.commune) with its Đồng Kè renamed 'Bản Cọ 2' (or 'Bản Cọ 5'): Bản Cọ
BC1, BC2 poor, BC3 near-poor; the renamed hamlet DK1 poor, DK2 near-poor on the start list."""

from __future__ import annotations

import openpyxl

from pipeline.run import collect
from tests.commune import person, write_renamed_plan, write_roster
from tests.summaries import hamlet_figures

_BAN_CO = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
_SECOND = [person("DK1", "poor"), person("DK2", "near_poor")]


def _titled(tmp_path, renamed: str, cell: str, file: str, title: str, rows: list[dict]):
    """The plan with Đồng Kè renamed ``renamed``; one list ``file`` whose 'Xóm' is ``cell``,
    ``rows`` its households, titled ``title`` in A1: the run's result."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_renamed_plan(folder, {"Đồng Kè": renamed})
    path = write_roster(folder, file, cell, 200, [dict(row) for row in rows])
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["A1"] = title
    book.save(path)
    return collect(folder, None, workers=0)[0]


def _told(result) -> list[tuple]:
    return [(i.hamlet, i.cell, i.detail, i.variant)
            for i in result.issues if i.code == "hamlet-differs-from-title"]  # fmt: skip


def test_a_month_after_the_hamlet_in_a_title_is_no_number_of_its_name(tmp_path):
    """'DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ 05/2024' over a list whose 'Xóm' is blank (BC1, BC2 poor,
    BC3 near-poor), in a plan holding Bản Cọ and Bản Cọ 5. By hand: the title names Bản Cọ (05
    is May, of 05/2024): counted for Bản Cọ, 2 poor, 1 near-poor; Bản Cọ 5 sent nothing. Was:
    the title read 'BẢN CỌ 05' (the name ended at the '/'), Bản Cọ 5's: the list counted there."""
    title = "DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ 05/2024"
    result = _titled(tmp_path, "Bản Cọ 5", "", "DS_2024-05.xlsx", title, _BAN_CO)
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    assert hamlet_figures(result, "Bản Cọ 5")["status"] == "missing"


def test_a_month_after_the_hamlet_in_a_title_names_no_other_hamlet(tmp_path):
    """The same title over Bản Cọ's list whose 'Xóm' says Bản Cọ: nothing told (since L's
    names_exactly the title was said to name Bản Cọ 5), counted 2 and 1."""
    title = "DANH SÁCH HỘ NGHÈO XÓM BẢN CỌ 05/2024"
    result = _titled(tmp_path, "Bản Cọ 5", "Bản Cọ", "DS_BanCo_2024-05.xlsx", title, _BAN_CO)
    assert _told(result) == []
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["poor"], ban_co["near_poor"]) == (2, 1)

