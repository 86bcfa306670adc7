"""Session 30 (C2): fresh-eyes QA of a hamlet head's list after the session's changes.

1. 'Số nhân khẩu' in 'Thông tin' that is the whole hamlet's (beside its 'Tổng số hộ dân cư')
   is not set beside the list's rows, though the rows could hold that many people.
2. A line between households saying no household moved ('Hộ chuyển đi: không có') or a note
   in brackets is no move-out title: the rows under it are the list's own.
3. Households under a move-out title end at the next heading of any kind ('II. HỘ CẬN NGHÈO',
   'Cộng'), not only at another move or hamlet title.
4. In the feedback copy, a title line between households does not widen its column.
"""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.discover import move_title
from pipeline.rosterchecks import _hamlet_people
from pipeline.run import collect, execute
from tests.commune import person
from tests.summaries import hamlet_figures
from tests.test_session26_feedback_print import stored_widths
from tests.test_session30_b_feedback_reader import info_count_said, info_lines
from tests.test_session30_c_heads_lists import MOVED_IN, with_titles

# --- 1. the hamlet's people in 'Thông tin' ----------------------------------------------------


def test_hamlet_people_read_against_the_hamlet_households():
    """The shipped sample's Nà Mòn (May): 37 rows of 159 people, 'Tổng số hộ dân cư' 243. Its
    population 980 is under 37 × 30 = 1,110 (session 30's cap) but nearer 243 households at
    the rows' mean size (159 × 243 / 37 ≈ 1,044) than 159: 2·37·980 = 72,520 ≥ 159·(37 + 243)
    = 44,520, the hamlet's. 195 (2·37·195 = 14,430) is the list's, compared; the midpoint
    44,520 / 74 = 601.6: 602 the hamlet's, 601 the list's. No hamlet total, or one not more
    than the rows: never the hamlet's."""
    rows = (159, 159, 37)
    assert _hamlet_people(980, rows, 243)
    assert not _hamlet_people(195, rows, 243)
    assert _hamlet_people(602, rows, 243) and not _hamlet_people(601, rows, 243)
    assert not _hamlet_people(980, rows, None)
    assert not _hamlet_people(980, rows, 37)


def test_people_of_the_whole_hamlet_are_not_said(tmp_path):
    """12 rows of 4 people (48) in Nà Mòn of 102 households ('Tổng số hộ dân cư', the
    fixture's). 'Số nhân khẩu | 350' (102 households at 3.4): not more than 12 × 30 = 360,
    so session 30 said it against 48; now the hamlet's (2·12·350 = 8,400 ≥ 48·(12 + 102) =
    5,472): nothing said. '100' (2,400 < 5,472) is the list's miscounted: said, 48."""
    codes = [f"NM{i}" for i in range(1, 7)] + [f"NM{i}" for i in range(21, 27)]
    rows = [person(code, "poor" if i % 2 else "near_poor") for i, code in enumerate(codes)]
    assert sum(r["nhan_khau"] for r in rows) == 48
    hamlet, typo = tmp_path / "hamlet" / "input", tmp_path / "typo" / "input"
    for folder, written in ((hamlet, 350), (typo, 100)):
        folder.mkdir(parents=True)
        info_lines(folder, [("Số nhân khẩu", written)], [dict(r) for r in rows])
    assert info_count_said(hamlet) == []
    assert info_count_said(typo) == [("B8", "Số nhân khẩu", "100", "48", "people", "")]


# --- 2. a line saying no household moved ------------------------------------------------------


@pytest.mark.parametrize(
    "text, read",
    [
        ("Hộ chuyển đi: không có", ("none", "")),
        ("Hộ chuyển đi xóm Bản Cọ: không", ("none", "")),
        ("Danh sách hộ chuyển đi xóm Bản Cọ: không có", ("none", "")),
        ("Hộ chuyển đi: Không có hộ nào", ("none", "")),
        ("Hộ chuyển đi trong tháng: 0 hộ", ("none", "")),
        ("Hộ chuyển đến: chưa có", ("none", "")),
        ("(Hộ chuyển đi trong tháng ghi ở danh sách riêng)", ("none", "")),
        # still titles: a count that is not none, a place, a title with a group number
        ("Hộ chuyển đi: 10 hộ", ("out", "")),
        ("Hộ chuyển đi xóm Bản Cọ", ("out", "Bản Cọ")),
        ("II. Hộ chuyển đi (2 hộ)", ("out", "")),
    ],
)
def test_a_line_saying_none_moved_is_no_title(text, read):
    assert move_title(text) == read


@pytest.mark.parametrize(
    "line",
    [
        "Hộ chuyển đi: không có",
        "Danh sách hộ chuyển đi xóm Bản Cọ: không có",
        "(Hộ chuyển đi trong tháng ghi ở danh sách riêng)",
    ],
)
def test_households_under_a_none_moved_line_are_counted(tmp_path, line):
    """Nà Mòn's 5 households (rows 5–9: NM1, NM5, NM6 poor; NM2, NM4 near-poor), the line in
    row 10, then NM7 (poor) and NM3 (near-poor), its own, rows 11–12. Before: the line was a
    move-out title and both rows were left out (`rows-moved-away`; the shipped sample's Nà Mòn
    went 17 poor, 20 near-poor → 3, 3 with 'Hộ chuyển đi: không có' after its sixth row). Now
    by hand poor NM1, NM5, NM6, NM7 = 4, near-poor NM2, NM4, NM3 = 3; no row said, in the run
    and in `check`."""
    folder = tmp_path / "input"
    folder.mkdir()
    own = [person("NM7", "poor"), person("NM3", "near_poor")]
    path = with_titles(folder, [(line, own)])
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)
    codes = ("rows-of-other-hamlet", "rows-moved-away")
    assert [i for i in result.issues if i.code in codes] == []
    checked = check_files([path, folder / "KeHoach_2024.xlsx"])
    assert [i for i in checked if i.code in codes] == []


def test_a_moved_out_title_after_a_none_line_still_leaves_its_rows_out(tmp_path):
    """Control: 'Hộ chuyển đến: không có' (row 10, no rows under it but a move in would keep
    them anyway), then 'Hộ chuyển đi xóm Bản Cọ' (row 11) over BC1 (poor) and BC3 (near-poor),
    rows 12–13: those two left out and said at A12; Nà Mòn its own 3 poor, 2 near-poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(
        folder,
        [("Hộ chuyển đến: không có", []), ("Hộ chuyển đi xóm Bản Cọ", MOVED_IN)],
        restart=True,  # BC1, BC3 numbered 1, 2: all moved (numbered on: unclear, session 31)
    )
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    said = [(i.code, i.cell, i.detail) for i in result.issues if i.code.startswith("rows-")]
    assert said == [("rows-moved-away", "A11", "12–13")]


# --- 3. a move out ends at the next heading ---------------------------------------------------


@pytest.mark.parametrize("heading", ["II. HỘ CẬN NGHÈO", "Cộng: 1 hộ", "Hộ chuyển đi: không có"])
def test_a_move_out_ends_at_the_next_heading(tmp_path, heading):
    """Nà Mòn's 5 (rows 5–9: NM1, NM5, NM6 poor; NM2, NM4 near-poor), 'Hộ chuyển đi xóm Bản
    Cọ' (row 10) over NM7 (poor, row 11), then the heading (row 12) over NM3 (near-poor, row
    13), the list's own. Before: the move ran to the list's end, NM3 left out too (3 poor, 2
    near-poor, rows '11, 13' said). Now only NM7 is out: by hand poor NM1, NM5, NM6 = 3,
    near-poor NM2, NM4, NM3 = 3; said at A11 for row 11 alone, in the run and in `check`."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = with_titles(
        folder,
        [
            ("Hộ chuyển đi xóm Bản Cọ", [person("NM7", "poor")]),
            (heading, [person("NM3", "near_poor")]),
        ],
    )
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 3)
    said = [(i.code, i.cell, i.detail) for i in result.issues if i.code.startswith("rows-")]
    assert said == [("rows-moved-away", "A10", "11")]
    checked = check_files([path, folder / "KeHoach_2024.xlsx"])
    assert [(i.code, i.detail) for i in checked if i.code.startswith("rows-")] == [
        ("rows-moved-away", "11")
    ]


def test_a_heading_does_not_end_another_hamlets_rows(tmp_path):
    """Control: 'Danh sách xóm Bản Cọ' (row 10) over BC1 (poor, row 11), then 'II. HỘ CẬN
    NGHÈO' (row 12) over BC3 (near-poor, row 13): Bản Cọ's pasted list has its own groups, so
    both rows stay Bản Cọ's (session 28): Nà Mòn 3 poor, 2 near-poor, rows 11 and 13 said."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(
        folder,
        [
            ("Danh sách xóm Bản Cọ", [person("BC1", "poor")]),
            ("II. HỘ CẬN NGHÈO", [person("BC3", "near_poor")]),
        ],
    )
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    said = [(i.code, i.cell, i.detail) for i in result.issues if i.code.startswith("rows-")]
    assert said == [("rows-of-other-hamlet", "A10", "11, 13")]


# --- 4. a title line in the feedback copy -----------------------------------------------------


def _copy_of(tmp_path, extra: str | None) -> openpyxl.worksheet.worksheet.Worksheet:
    """The feedback copy of Nà Mòn's list: its 5 (rows 5–9), 'Hộ chuyển đi xóm Bản Cọ' in A10
    (and ``extra`` in B10) over NM7 (row 11, left out and said: the feedback is written)."""
    folder = tmp_path / "input"
    folder.mkdir(parents=True)
    path = with_titles(folder, [("Hộ chuyển đi xóm Bản Cọ", [person("NM7", "poor")])])
    if extra:
        book = openpyxl.load_workbook(path)
        book["Danh sách"]["B10"] = extra
        book.save(path)
    execute(folder, tmp_path / "out", "2024-05")
    book = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    return book["Danh sách"]


def test_a_title_line_between_households_does_not_widen_its_column(tmp_path):
    """Column A (STT) holds 'STT' and the numbers 1–6, the title 'Hộ chuyển đi xóm Bản Cọ' (23
    letters) on a line of its own in A10. Before, the copy sized A to the title (about 33
    wide in the sample, 6 before): the copy printed 9 pages, not 7. Now the title is copied
    as written and shown over the empty cells beside it; A is as narrow as without it (under
    10). Control: a second text on that line ('(1 hộ)' in B10) makes it a row of cells, which
    size their columns as before: A wider than the title's 23 letters need at 10."""
    alone = _copy_of(tmp_path / "alone", None)
    assert alone["A10"].value == "Hộ chuyển đi xóm Bản Cọ"
    assert stored_widths(alone)[0] < 10
    two = _copy_of(tmp_path / "two", "(1 hộ)")
    assert stored_widths(two)[0] > 20
