"""Session 49: review of the hamlet-head checks added this session (docs/decisions.md,
"Session 49: review of the hamlet-head checks").

A head's name typed without Vietnamese marks is said only where the start list's writing has
them: 'Ksor H’Blin' (a Jrai name, its apostrophe the curly one Word types) has none, and a
head writing 'Ksor H'Blin' was told it lacked its marks and to write what they had written."""

from __future__ import annotations

from pipeline.run import collect
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_roster
from tests.test_session23_rows import MAY


def _names(tmp_path, start: dict[str, str], typed: dict[str, str]) -> list:
    """Nà Mòn's May list (NM1–NM6, rows 5–10), the start list's heads of ``start`` and the
    list's of ``typed`` (by Mã hộ) as given: the issues said at 'Họ và tên chủ hộ'."""
    folder = tmp_path / "vao"
    folder.mkdir()
    listed = [dict(r, chu_ho=start.get(r["ma_ho"], r["chu_ho"])) for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), listed)
    rows = [
        person(code, status, **({"chu_ho": typed[code]} if code in typed else {}))
        for code, status in MAY
    ]
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    result, _ = collect(folder, None, workers=0)
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)  # counted as ever
    return [i for i in result.issues if i.column == "Họ và tên chủ hộ"]


def test_a_name_whose_start_list_writing_has_no_marks_is_not_said(tmp_path):
    """NM1: the start list writes 'Ksor H’Blin' (U+2019, no Vietnamese mark), the list 'Ksor
    H'Blin': nothing to say (before: name-without-marks at C5, asking for 'Ksor H’Blin'). NM4:
    'H’Hen Niê' on the start list, "H'Hen Nie" typed: its ê lost, said at C8 as before."""
    said = _names(
        tmp_path,
        {"NM1": "Ksor H\u2019Blin", "NM4": "H\u2019Hen Niê"},
        {"NM1": "Ksor H'Blin", "NM4": "H'Hen Nie"},
    )
    assert [(i.code, i.cell, i.value, i.detail) for i in said] == [
        ("name-without-marks", "C8", "H'Hen Nie", "H\u2019Hen Niê")
    ]
