"""Session 30 (task C3): the warning about rows under a title between the households points at
the title's own cell, whose text is the value quoted (before: at the first household row's
STT cell ('6') beside the title's text). Fixtures as in tests/test_session30_c_heads_lists.py:
Nà Mòn's five households in rows 5–9, a title in row 10, its households from row 11."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pipeline.discover import move_title
from pipeline.run import collect
from tests.commune import person
from tests.summaries import hamlet_figures
from tests.test_session28_c import feedback_status
from tests.test_session30_c_heads_lists import with_titles

GONE = [person("NM7", "poor"), person("NM8", "near_poor")]


def _title_in(path: Path, column: int) -> None:
    """Move the title of row 10 from column A to ``column`` (1-based), as heads type it in the
    name column or a merged cell's later column."""
    if column == 1:
        return
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    sheet.cell(10, column, sheet.cell(10, 1).value)
    sheet.cell(10, 1).value = None
    book.save(path)


@pytest.mark.parametrize(
    ("title", "code", "column", "cell"),
    [
        ("Hộ chuyển đi xóm Bản Cọ", "rows-moved-away", 1, "A10"),
        ("Hộ chuyển đi xóm Bản Cọ", "rows-moved-away", 3, "C10"),
        ("Danh sách xóm Bản Cọ", "rows-of-other-hamlet", 3, "C10"),
    ],
)
def test_the_warning_points_at_the_titles_cell(tmp_path, title, code, column, cell):
    """The title in row 10 (column A, or C: the head's name column), NM7 and NM8 under it in
    rows 11–12. Both rows are left out (Nà Mòn 3 poor, 2 near-poor, as OWN alone), and the one
    warning names rows 11–12 but sits at row 10, the title's cell, quoting the title."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = with_titles(folder, [(title, GONE)], restart=True)  # numbered 1, 2: both moved
    _title_in(path, column)
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    said = [(i.code, i.cell, i.row, i.value, i.detail) for i in result.issues
            if i.code.startswith("rows-")]  # fmt: skip
    assert said == [(code, cell, 10, title, "11–12")]


def test_the_feedback_shows_the_title_as_the_value_written(tmp_path):
    """The head's feedback table: before, its line for the moved-away rows showed Ô A11 and
    'Giá trị đã ghi' '6' (NM7's STT, the first of the rows) beside a message quoting the title.
    Now Ô A10 and the title's own text: cell and value agree."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [("Hộ chuyển đi xóm Bản Cọ", GONE)])
    _, rows = feedback_status(folder, "DS_NaMon_2024-05.xlsx")
    moved = [r for r in rows if "đã chuyển đi xóm Bản Cọ" in str(r.get("Cách sửa") or "")
             or "đã chuyển đi xóm Bản Cọ" in " ".join(str(v) for v in r.values())]  # fmt: skip
    assert [(r["Ô"], r["Giá trị đã ghi"]) for r in moved] == [("A10", "Hộ chuyển đi xóm Bản Cọ")]


# --- the extent of a move-out part with no heading after it ------------------------------------

THREE = [person("NM7", "poor"), person("NM8", "near_poor"), person("NM9", "poor")]


@pytest.mark.parametrize(
    ("title", "out", "counted"),
    [
        # no count, no heading: all three under the title moved (as before)
        ("Hộ chuyển đi xóm Bản Cọ", "11–13", (3, 2)),
        # '2 hộ': NM7, NM8 moved; NM9 (poor) the list's own: 3 + 1 poor, 2 near-poor
        ("Hộ chuyển đi xóm Bản Cọ: 2 hộ", "11–12", (4, 2)),
        ("Hộ chuyển đi xóm Bản Cọ (1 hộ)", "11", (4, 3)),  # NM8, NM9 own: 3+1 poor, 2+1
        # a count past the rows: the rows there are (the list's end bounds it)
        ("Hộ chuyển khỏi xã: 5 hộ", "11–13", (3, 2)),
    ],
)
def test_a_move_out_title_counting_its_households_takes_that_many_rows(
    tmp_path, title, out, counted
):
    """NM7 (poor), NM8 (near-poor), NM9 (poor) in rows 11–13 under a move-out title, nothing
    below. Before: every row below the title moved away whatever count it gave. Now the
    count the title gives bounds the part; the rows past it are Nà Mòn's own (OWN alone: 3
    poor, 2 near-poor)."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [(title, THREE)], restart=True)  # numbered 1, 2, 3 (session 31)
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == counted
    said = [(i.code, i.cell, i.detail) for i in result.issues if i.code.startswith("rows-")]
    assert said == [("rows-moved-away", "A10", out)]


def test_a_move_out_part_ends_where_the_stt_starts_again_at_1(tmp_path):
    """The same three rows numbered 1, 2 (the moved households' own numbering) and then 1
    again (NM9: a new numbering, the list's own). Before: all three moved away (3 poor, 2
    near-poor). Now rows 11–12 (NM7, NM8) moved, NM9 counted: 3 + 1 = 4 poor, 2 near-poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = with_titles(folder, [("Hộ chuyển đi xóm Bản Cọ", THREE)])
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert [sheet.cell(r, 2).value for r in (11, 12, 13)] == ["NM7", "NM8", "NM9"]
    for row, number in ((11, 1), (12, 2), (13, 1)):
        sheet.cell(row, 1, number)
    book.save(path)
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 2)
    said = [(i.code, i.cell, i.detail) for i in result.issues if i.code.startswith("rows-")]
    assert said == [("rows-moved-away", "A10", "11–12")]


def test_the_moved_households_numbered_on_from_the_list_are_unclear(tmp_path):
    """The rows under the title numbered on from the list (6, 7, 8 after OWN's 1–5, as
    _with_titles writes them) are no new numbering. Session 30 took all three out (3 poor, 2
    near-poor); since session 31 nothing bounds such a part, so only NM7 (row 11, poor) is
    taken and NM8 (near-poor), NM9 (poor) are counted and asked about (rows-moved-unclear):
    3 + 1 = 4 poor, 2 + 1 = 3 near-poor (tests/test_session31_lists.py)."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = with_titles(folder, [("Hộ chuyển đi xóm Bản Cọ", THREE)])
    sheet = openpyxl.load_workbook(path)["Danh sách"]
    assert [sheet.cell(r, 1).value for r in (9, 11, 12, 13)] == [5, 6, 7, 8]
    result, _ = collect(folder, None, workers=0)
    assert (
        hamlet_figures(result, "Nà Mòn")["poor"],
        hamlet_figures(result, "Nà Mòn")["near_poor"],
    ) == (4, 3)


# --- a note pointing elsewhere is no title -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Hộ chuyển đi trong tháng ghi ở danh sách riêng", ("none", "")),
        ("Hộ chuyển đi: xem danh sách kèm theo", ("none", "")),
        ("Hộ chuyển đi xóm Bản Cọ: xem trang sau", ("none", "")),
        ("Hộ chuyển đến trong tháng ghi tại báo cáo riêng", ("none", "")),
        # still titles: 'trong tháng' alone, a hamlet whose folded name is 'xem'
        ("Hộ chuyển đi trong tháng", ("out", "")),
        ("Hộ chuyển đi xóm Xém", ("out", "Xém")),
    ],
)
def test_a_note_pointing_to_another_list_is_no_title(text, read):
    assert move_title(text) == read


@pytest.mark.parametrize(
    ("text", "counted", "said"),
    [
        # a note: NM7 (poor), NM8 (near-poor) are Nà Mòn's: 3 + 1 poor, 2 + 1 near-poor
        ("Hộ chuyển đi trong tháng ghi ở danh sách riêng", (4, 3), []),
        # control, a title: both moved away, Nà Mòn is OWN alone
        ("Hộ chuyển đi trong tháng", (3, 2), [("rows-moved-away", "A10", "11–12")]),
    ],
)
def test_rows_under_a_note_pointing_elsewhere_are_the_lists_own(tmp_path, text, counted, said):
    """Before: 'Hộ chuyển đi trong tháng ghi ở danh sách riêng' (the head saying the households
    that moved are listed apart) read as a move-out title: NM7 and NM8 below it left out."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [(text, GONE)], restart=True)  # numbered 1, 2: a part of its own
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == counted
    assert [(i.code, i.cell, i.detail) for i in result.issues if i.code.startswith("rows-")] == said
