"""Session 50's review of a head's name written after a title or in ALL CAPS (name-as-written).
A start list written in capitals (a form asking 'viết in hoa') and a hamlet writing 'Ông Hoàng
Văn NM1': the warning told the head to write the name 'as the start list: HOÀNG VĂN NM1' and,
in the same sentence, 'not all in capitals'; such a row is not said now (narrow: no advice that
contradicts itself). A name differing by the case of one letter is not said either."""

from __future__ import annotations

import openpyxl

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, clean_rosters, plan_hamlets, start_list
from tests.test_session50_feedback_names import write_names


def _said(out, code: str) -> list[tuple]:
    """'Lỗi dữ liệu''s rows of ``code``: (Ô, Giá trị)."""
    ws = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Lỗi dữ liệu"]
    return [(r[4], r[7]) for r in ws.iter_rows(values_only=True) if r[9] == code]


def _run(tmp_path, names: dict[str, str], capitals: bool, start_names: dict | None = None):
    """Nà Mòn's clean May list with the heads' names of ``names`` (cell -> name); the start
    list's names in capitals when ``capitals``, those of ``start_names`` (code -> name)."""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir(parents=True)
    start = start_list()
    if capitals:
        start = [dict(row, chu_ho=row["chu_ho"].upper()) for row in start]
    start = [
        dict(row, chu_ho=(start_names or {}).get(row["ma_ho"], row["chu_ho"])) for row in start
    ]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), start)
    clean_rosters(folder)
    write_names(folder, names)
    execute(folder, out, None)
    return out


def test_a_title_before_a_name_the_start_list_writes_in_capitals_is_not_said(tmp_path):
    """Start list 'HOÀNG VĂN NM1' …; C5 'Ông Hoàng Văn NM1', C6 'Bà HOÀNG VĂN NM2', the other
    rows 'Hoàng Văn NM3' … as the clean list: nothing said (before: C5 and C6 said, asking the
    name written 'HOÀNG VĂN NM1' and 'not all in capitals')."""
    out = _run(tmp_path, {"C5": "Ông Hoàng Văn NM1", "C6": "Bà HOÀNG VĂN NM2"}, capitals=True)
    assert _said(out, "name-as-written") == []


def test_a_title_before_a_name_the_start_list_writes_otherwise_is_still_said(tmp_path):
    """The same names with the start list not in capitals: C5 and C6 said (a guard); C7 'Hoàng
    văn NM3' (one letter's case) and C8 'HOÀNG Văn NM4' (not all capitals) are not."""
    out = _run(
        tmp_path,
        {
            "C5": "Ông Hoàng Văn NM1",
            "C6": "Bà HOÀNG VĂN NM2",
            "C7": "Hoàng văn NM3",
            "C8": "HOÀNG Văn NM4",
        },
        capitals=False,
    )
    assert _said(out, "name-as-written") == [
        ("C5", "Ông Hoàng Văn NM1"),
        ("C6", "Bà HOÀNG VĂN NM2"),
    ]


def test_capitals_of_a_name_whose_surname_is_a_title_word_are_not_said(tmp_path):
    """The start list writes NM1's head 'Ông Văn NM1' ('Ông' a surname); C5 'ÔNG VĂN NM1': not
    said (before: said, asking 'Ông Văn NM1' written 'without adding Ông, Bà'); C6 'HOÀNG VĂN
    NM2' against 'Hoàng Văn NM2' not said either (capitals are a way of writing: the lead's
    narrowing after the mess fuzz's list all in capitals)."""
    out = _run(
        tmp_path,
        {"C5": "ÔNG VĂN NM1", "C6": "HOÀNG VĂN NM2"},
        capitals=False,
        start_names={"NM1": "Ông Văn NM1"},
    )
    assert _said(out, "name-as-written") == []
