"""Session 30 (B4): the rows a list message names past the eight runs it shows are counted in
the message's own language ('(và 2 nhóm dòng khác)' / '(and 2 more groups of rows)'), not in
Vietnamese inside the English text; and a total row's count written with a thousands separator
('Tổng cộng | 1.012 hộ') is read as 1012, a decimal passed over. Each pinned by a fixture whose
answer is worked out by hand."""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.styles import Font

from pipeline.checkfiles import check_files
from pipeline.discover import households_written
from pipeline.publish import publish
from pipeline.rosterchecks import _runs_said
from pipeline.run import collect
from tests.commune import person, roster_edited, write_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session28_c import with_total, with_xom_column


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
    with_xom_column(path, ["Nà Mòn" if n % 2 else "Bản Cọ" for n in range(1, 21)])
    named = "6, 8, 10, 12, 14, 16, 18, 20"
    vi = f"Các dòng {named} (và 2 nhóm dòng khác) ghi 'Bản Cọ' ở cột 'Xóm', không phải xóm Nà Mòn"
    en = f"Rows {named} (and 2 more groups of rows) say 'Bản Cọ' in column 'Xóm', not hamlet Nà Mòn"
    for lang, start in (("vi", vi), ("en", en)):
        result, _ = collect(folder, None, workers=0, lang=lang)
        na_mon = hamlet_figures(result, "Nà Mòn")
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
    assert hamlet_figures(result, "Nà Mòn")["poor"] == 18
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


# --- 2. a total row's count written with a thousands separator -----------------------------------


@pytest.mark.parametrize(
    ("written", "count"),
    [
        ("33 hộ", 33),
        ("Tổng cộng: 33 hộ.", 33),
        ("Tổng cộng tháng 5/2024: 120 hộ", 120),  # the month's numbers are not followed by 'hộ'
        ("1.012 hộ", 1012),  # a dot, as a Vietnamese Excel shows 1012
        ("Có 1,012 HỘ", 1012),  # a comma, as an English one does
        ("1\u00a0012 hộ", 1012),  # a no-break space
        ("1.012 khẩu, 25 hộ", 25),  # the people are no count of households
        # no whole count: passed over (before, the digits after the mark were read: 0, 5, 5, 345)
        ("1.0 hộ", None),
        ("1,5 hộ", None),
        ("1.013,5 hộ", None),
        ("1.012.345 hộ", None),
        ("10,13 hộ", None),
        # a plain space in a sentence: 1012 or 12? 5120 or 120? (before: 12 and 120)
        ("1 012 hộ", None),
        ("Tổng cộng tháng 5 120 hộ", None),
        ("Tổng 2024 33 hộ", 33),  # four digits before: no thousands group, 33 read
        ("12 người", None),
    ],
)
def test_households_written_reads_a_thousands_group_and_passes_a_decimal_over(written, count):
    assert households_written(written) == count


def test_a_total_of_1012_households_written_with_a_dot_agrees_with_1012_rows(tmp_path):
    """Nà Mòn's list of 1,012 poor households (rows 5–1016, NM1…NM1012) and 'Tổng cộng | 1.012
    hộ' under it (B1017, C1017). Before: read as 12 (the dot folded to a space, '012'), so the
    head was told 'Dòng tổng cộng ghi '1.012 hộ' nhưng danh sách có 1012 dòng hộ'. Now 1012:
    agrees, nothing said; '1.013 hộ' (one more than the rows) is said against 1012."""
    for written, said in (("1.012 hộ", []), ("1.013 hộ", [("C1017", "1.013 hộ", "1012")])):
        folder = tmp_path / written.replace(" ", "") / "input"
        folder.mkdir(parents=True)
        write_plan(folder)
        rows = [person(f"NM{n}", "poor") for n in range(1, 1013)]
        path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 2000, rows)
        with roster_edited(path) as sheet:
            assert sheet["B1016"].value == "NM1012" and sheet["B1017"].value is None
            sheet.insert_rows(1017)
            sheet["B1017"], sheet["C1017"] = "Tổng cộng", written
        result, _ = collect(folder, None, workers=0)
        assert hamlet_figures(result, "Nà Mòn")["poor"] == 1012
        told = [i for i in result.issues if i.code == "total-count-differs"]
        assert [(i.cell, i.value, i.detail) for i in told] == said


def test_a_total_written_as_a_decimal_is_passed_over_and_1004_is_not_4(tmp_path):
    """Under four household rows (NM1, NM6 poor, NM2 near-poor, NM3 'Thoát': 3 still listed),
    'Tổng cộng | 1.0 hộ' is no whole count: passed over (before: read as 0 and said against 4
    rows); '4,5 hộ' too (before: 5, said). '1.004 hộ' is 1004, neither 4 nor 3: said at C9
    (before: read as 4, which agreed, and nothing was said). The figures stay the rows': 2
    poor, 1 near-poor."""
    for written, said in (("1.0 hộ", []), ("4,5 hộ", []), ("1.004 hộ", [("C9", "4")])):
        folder = tmp_path / written.replace(" ", "") / "input"
        folder.mkdir(parents=True)
        with_total(folder, written)
        result, _ = collect(folder, None, workers=0)
        na_mon = hamlet_figures(result, "Nà Mòn")
        assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
        told = [i for i in result.issues if i.code == "total-count-differs"]
        assert [(i.cell, i.detail) for i in told] == said
        if said:
            assert (
                told[0]
                .message()
                .startswith("Dòng tổng cộng ghi '1.004 hộ' nhưng danh sách có 4 dòng hộ")
            )
