"""Session 30 (B4): the rows a list message names past the eight runs it shows are counted in
the message's own language ('(và 2 nhóm dòng khác)' / '(and 2 more groups of rows)'), not in
Vietnamese inside the English text. Each pinned by a small fixture worked out by hand."""

from __future__ import annotations

import openpyxl
from openpyxl.styles import Font

from pipeline.checkfiles import check_files
from pipeline.publish import publish
from pipeline.rosterchecks import _runs_said
from pipeline.run import collect
from tests.commune import person, write_plan, write_roster
from tests.test_session28_c import _with_xom_column


def _hamlet(result, name: str) -> dict:
    return next(h for h in result.summary["hamlets"] if h["hamlet"] == name)


def _sheet_texts(path) -> list:
    book = openpyxl.load_workbook(path)
    return [c for ws in book.worksheets for r in ws.iter_rows(values_only=True) for c in r]


# --- 1. the rows past the runs shown, counted per language ---------------------------------------


def test_runs_said_count_the_groups_left_unnamed_in_each_language():
    """Rows 5, 7, …, 23 are ten runs of one row: the first eight named (5–19), two groups more;
    nine runs leave one group ('group', singular); 14–16 and 20 are two runs, all named, and
    say the same in both languages (a plain text, as before)."""
    ten = _runs_said(list(range(5, 25, 2)))
    assert str.__str__(ten) == "5, 7, 9, 11, 13, 15, 17, 19 (và 2 nhóm dòng khác)"
    assert ten.en == "5, 7, 9, 11, 13, 15, 17, 19 (and 2 more groups of rows)"
    nine = _runs_said(list(range(5, 23, 2)))
    assert str.__str__(nine) == "5, 7, 9, 11, 13, 15, 17, 19 (và 1 nhóm dòng khác)"
    assert nine.en == "5, 7, 9, 11, 13, 15, 17, 19 (and 1 more group of rows)"
    two = _runs_said([14, 15, 16, 20])
    assert two == "14–16, 20" and type(two) is str


def test_rows_of_another_hamlet_past_eight_runs_are_counted_in_english(tmp_path):
    """Twenty households in rows 5–24, a 'Xóm' column saying 'Nà Mòn' on the odd rows and 'Bản
    Cọ' on the even ones (6, 8, …, 24: ten runs of one row). The message names 6–20 and counts
    the two runs left (22, 24) in its own language; before, the English said '(và 2 nhóm dòng
    khác)'. Counted by hand: the ten odd rows, all poor, are Nà Mòn's: 10 poor, 0 near-poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    rows = [person(f"NM{n}", "poor") for n in range(1, 21)]
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, rows)
    _with_xom_column(path, ["Nà Mòn" if n % 2 else "Bản Cọ" for n in range(1, 21)])
    named = "6, 8, 10, 12, 14, 16, 18, 20"
    vi = f"Các dòng {named} (và 2 nhóm dòng khác) ghi 'Bản Cọ' ở cột 'Xóm', không phải xóm Nà Mòn"
    en = f"Rows {named} (and 2 more groups of rows) say 'Bản Cọ' in column 'Xóm', not hamlet Nà Mòn"
    for lang, start in (("vi", vi), ("en", en)):
        result, _ = collect(folder, None, workers=0, lang=lang)
        na_mon = _hamlet(result, "Nà Mòn")
        assert (na_mon["poor"], na_mon["near_poor"]) == (10, 0)
        said = [i for i in result.issues if i.code == "rows-of-other-hamlet"]
        assert [(i.cell, i.variant) for i in said] == [("B6", "column")]
        assert said[0].message(lang).startswith(start)
        assert "nhóm dòng" not in said[0].message("en")
        # the officer's 'Lỗi dữ liệu' in the run's language says it so
        written = publish(result, tmp_path / f"out-{lang}")
        texts = _sheet_texts(written["workbook"])
        assert [t for t in texts if isinstance(t, str) and t.startswith(start)] == [
            said[0].message(lang)
        ]
    checked = check_files([folder / "KeHoach_2024.xlsx", path])
    told = [i for i in checked if i.code == "rows-of-other-hamlet"]
    assert [i.message("en")[: len(en)] for i in told] == [en]


def test_struck_rows_past_eight_runs_are_counted_in_words(tmp_path):
    """Eighteen households in rows 5–22, the even rows 6, 8, …, 22 struck through: nine runs of
    one row, eight named (6–20) and one group more, 'group' in the singular. Before: '(+1)' in
    both languages. Still counted as written: 18 poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    rows = [person(f"NM{n}", "poor") for n in range(1, 19)]
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, rows)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    for row in range(6, 23, 2):
        for col in range(1, 27):
            sheet.cell(row, col).font = Font(strike=True)
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    assert _hamlet(result, "Nà Mòn")["poor"] == 18
    said = [i for i in result.issues if i.code == "rows-struck-through"]
    assert [(i.cell, i.variant) for i in said] == [("B6", "")]
    named = "6, 8, 10, 12, 14, 16, 18, 20"
    assert (
        said[0]
        .message()
        .startswith(
            f"Các dòng {named} (và 1 nhóm dòng khác) bị gạch ngang chữ (hộ đã bị gạch tên?)"
        )
    )
    assert (
        said[0]
        .message("en")
        .startswith(
            f"Rows {named} (and 1 more group of rows) are struck through (households crossed out?)"
        )
    )
