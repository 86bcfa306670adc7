"""Session 31 (task C): reading gaps in hamlet heads' lists left open by sessions 29–30, each
pinned by a small fixture whose answer is worked out by hand in the test."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests.commune import person
from tests.test_session30_c_heads_lists import _hamlet, _with_titles

# --- 1. a move-out part numbered on from the list, with nothing bounding it --------------------

# Under 'Hộ chuyển đi xóm Bản Cọ' (row 10, after Nà Mòn's own NM1–NM6 in rows 5–9, 3 poor and
# 2 near-poor): NM7 (poor) and NM8 (near-poor) that moved, then NM3 (near-poor) and NM9 (poor),
# the list's own again, all numbered on 6, 7, 8, 9 with no heading between.
MIXED = [
    person("NM7", "poor"),
    person("NM8", "near_poor"),
    person("NM3", "near_poor"),
    person("NM9", "poor"),
]
TITLE = "Hộ chuyển đi xóm Bản Cọ"


def _said(result) -> list[tuple]:
    """The rows said (code, cell, rows, variant), by their first row: both at the title's cell."""
    said = [
        (i.code, i.cell, i.detail, i.variant) for i in result.issues if i.code.startswith("rows-")
    ]
    return sorted(said, key=lambda s: int(s[2].split("–")[0]))


def _renumber(path, numbers: dict[int, object]) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    for row, number in numbers.items():
        sheet.cell(row, 1, number)
    book.save(path)


def test_rows_numbered_on_under_a_move_out_title_are_counted_but_the_first(tmp_path):
    """Before: the four rows 11–14 were all left out (Nà Mòn 3 poor, 2 near-poor: NM3 and
    NM9, its own, lost). Now only row 11 (NM7, right under the title: surely one that moved) is
    taken; rows 12–14 are counted and asked about: poor NM1, NM5, NM6, NM9 = 4, near-poor NM2,
    NM4, NM8, NM3 = 4. Said twice at A10 (the title): row 11 moved away, rows 12–14 unclear;
    `check` says the same."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = _with_titles(folder, [(TITLE, MIXED)])
    sheet = openpyxl.load_workbook(path)["Danh sách"]
    assert [sheet.cell(r, 1).value for r in range(9, 15)] == [5, TITLE, 6, 7, 8, 9]
    assert [sheet.cell(r, 2).value for r in range(11, 15)] == ["NM7", "NM8", "NM3", "NM9"]
    result, _ = collect(folder, None, workers=0)
    na_mon = _hamlet(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 4)
    assert _said(result) == [
        ("rows-moved-away", "A10", "11", "one"),
        ("rows-moved-unclear", "A10", "12–14", ""),
    ]
    unclear = next(i for i in result.issues if i.code == "rows-moved-unclear")
    assert (unclear.severity, unclear.row, unclear.value) == ("warning", 10, TITLE)
    vi = (
        "Các dòng 12–14 nằm dưới tiêu đề 'Hộ chuyển đi xóm Bản Cọ' và được đánh số tiếp theo STT "
        "của danh sách; tiêu đề không ghi số hộ và không có tiêu đề nào sau các dòng đó, nên "
        "không rõ những hộ nào đã chuyển đi. Xã chỉ coi hộ ở dòng ngay dưới tiêu đề là hộ đã "
        "chuyển đi; các hộ đó vẫn được tính vào xóm Nà Mòn. Nếu chỉ một hộ đã chuyển đi, hãy ghi "
        "thêm ': 1 hộ' vào cuối tiêu đề; nếu các hộ đó cũng đã chuyển đi, hãy ghi số hộ đã chuyển "
        "đi vào cuối tiêu đề (ví dụ ': 3 hộ') hoặc đánh số các hộ chuyển đi từ 1."
    )
    assert unclear.message() == vi
    checked = check_files([folder / "KeHoach_2024.xlsx", path])
    assert [i.message() for i in checked if i.code == "rows-moved-unclear"] == [vi]


def test_one_row_left_unclear_is_said_as_one(tmp_path):
    """NM7, NM8 numbered 6, 7 under the title, down to the list's end: row 11 taken, row 12
    (NM8, near-poor) counted: 3 poor, 2 + 1 = 3 near-poor; 'Dòng 12 …', variant 'one'."""
    folder = tmp_path / "input"
    folder.mkdir()
    _with_titles(folder, [(TITLE, MIXED[:2])])
    result, _ = collect(folder, None, workers=0)
    na_mon = _hamlet(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 3)
    assert _said(result) == [
        ("rows-moved-away", "A10", "11", "one"),
        ("rows-moved-unclear", "A10", "12", "one"),
    ]
    unclear = next(i for i in result.issues if i.code == "rows-moved-unclear")
    assert unclear.message().startswith(
        "Dòng 12 nằm dưới tiêu đề 'Hộ chuyển đi xóm Bản Cọ' và được đánh số tiếp theo STT"
    )
    assert "; hộ đó vẫn được tính vào xóm Nà Mòn." in unclear.message()
    assert unclear.message("en").startswith("Row 12 is under the title")


def test_the_title_saying_one_household_settles_it(tmp_path):
    """What the message asks: ': 1 hộ' at the end of the title. Row 11 taken, rows 12–14
    counted as above (4 poor, 4 near-poor), and only the move said."""
    folder = tmp_path / "input"
    folder.mkdir()
    _with_titles(folder, [(TITLE + ": 1 hộ", MIXED)])
    result, _ = collect(folder, None, workers=0)
    na_mon = _hamlet(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 4)
    assert _said(result) == [("rows-moved-away", "A10", "11", "one")]


@pytest.mark.parametrize(
    ("numbers", "out", "counted"),
    [
        # the moved households numbered 1, 2, then the list resumes at 6 (after OWN's 5): the
        # break ends the part; NM3 (near) and NM9 (poor) counted: 3 + 1 poor, 2 + 1 near
        ({11: 1, 12: 2, 13: 6, 14: 7}, "11–12", (4, 3)),
        # numbered on, with a gap after the moved rows (6, 7, then 10, 11): ends there too
        ({11: 6, 12: 7, 13: 10, 14: 11}, "11–12", (4, 3)),
        # the moved households' own numbering down to the end (1–4): all four moved (OWN)
        ({11: 1, 12: 2, 13: 3, 14: 4}, "11–14", (3, 2)),
        # '8.' written as text, on from 7: no break, so unclear (below)
        ({11: 6, 12: 7, 13: "8.", 14: 9}, "11", (4, 4)),
    ],
)
def test_a_break_in_the_parts_numbering_ends_it(tmp_path, numbers, out, counted):
    """Session 30 left it: a numbering breaking without going back to 1 did not end the part
    (NM3, NM9 lost). Now a row whose STT is not the one after the row before it ends it."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = _with_titles(folder, [(TITLE, MIXED)])
    _renumber(path, numbers)
    result, _ = collect(folder, None, workers=0)
    na_mon = _hamlet(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == counted
    said = [(code, detail) for code, _, detail, _ in _said(result)]
    assert said[0] == ("rows-moved-away", out)
    assert said[1:] == ([("rows-moved-unclear", "12–14")] if out == "11" else [])


def test_a_heading_after_the_part_still_bounds_it(tmp_path):
    """Control: NM7, NM8 numbered on (6, 7) under the title, then 'II. HỘ CẬN NGHÈO' (row 13)
    over NM3 (8): the heading ends the part (session 30), so rows 11–12 both moved and
    nothing is unclear: 3 poor, 2 + 1 = 3 near-poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    _with_titles(folder, [(TITLE, MIXED[:2]), ("II. HỘ CẬN NGHÈO", [MIXED[2]])])
    result, _ = collect(folder, None, workers=0)
    na_mon = _hamlet(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 3)
    assert _said(result) == [("rows-moved-away", "A10", "11–12", "")]
