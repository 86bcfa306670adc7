"""Session 23: note and summary lines in any column; codes that lost their leading zeros.

1. Lines a head writes under the households ('Ghi chú: …', 'Trong đó:', '- Hộ nghèo: 3 hộ',
   a 'Cộng' subtotal with '3 hộ' in Mã hộ) are no households in whichever column they are
   written, Mã hộ included (CONTRACT §2.2); a household row whose name or code only looks
   like such a word is still read.
2. A Mã hộ of digits alone is matched without its leading zeros (CONTRACT §4.3): the cell 1001
   Excel made of '001001' is that household, against the plan's start list, another month's
   list and the history store; '01001' and 1001 in one list are one code used twice.

Nà Mòn's May list below, worked by hand against the plan's start list (poor NM1 NM2 NM3,
near-poor NM4 NM5): NM1 poor; NM2 near-poor (poor → near-poor); NM3 'Thoát' (exited); NM4
near-poor; NM5 poor (near-poor → poor); NM6 poor (new). Poor: start 3, to near-poor 1, exited 1,
from near-poor 1, new 1, end 3. Near-poor: start 2, to poor 1, from poor 1, end 2.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import execute
from tests.commune import (
    past_targets,
    person,
    write_plan,
    write_roster,
)

MAY = [("NM1", "poor"), ("NM2", "near_poor"), ("NM3", "exited"), ("NM4", "near_poor"),
       ("NM5", "poor"), ("NM6", "poor")]  # fmt: skip
POOR_MOVES = {"start": 3, "to_near_poor": 1, "exited": 1, "from_near_poor": 1, "new": 1, "end": 3}
NEAR_MOVES = {"start": 2, "to_poor": 1, "from_poor": 1, "end": 2}
FIRST_FREE = 11  # the list's households are rows 5-10; the signature block is moved below


def _moves(table: dict | None) -> dict | None:
    """A movements table without its zeros."""
    if table is None:
        return None
    return {side: {k: v for k, v in counts.items() if v} for side, counts in table.items()}


def _na_mon(summary: dict) -> dict:
    return next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")


def _with_lines(path: Path, lines: list[dict[str, object]], at: int = FIRST_FREE) -> None:
    """``lines`` (column letter -> value, one dict a row; a key 'merge' spans 'B:J') written
    from Excel row ``at`` of 'Danh sách', the template's signature block moved under them."""
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    for merged in list(sheet.merged_cells.ranges):
        if merged.min_row >= at:  # the signature block's merges
            sheet.unmerge_cells(str(merged))
    for row in sheet.iter_rows(min_row=at):
        for cell in row:
            cell.value = None
    for offset, line in enumerate(lines):
        row = at + offset
        for column, value in line.items():
            if column == "merge":
                first, last = str(value).split(":")
                sheet.merge_cells(f"{first}{row}:{last}{row}")
            else:
                sheet[f"{column}{row}"] = value
    sheet[f"B{at + len(lines) + 2}"] = "Người lập biểu"
    sheet[f"B{at + len(lines) + 6}"] = "Lường Thị Mai"
    book.save(path)


def _may_roster(folder: Path, rows: list[dict] | None = None) -> Path:
    rows = rows if rows is not None else [person(code, status) for code, status in MAY]
    return write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)


# --- 1. note and summary lines ------------------------------------------------------------

NOTE_LINES = {
    "ghi-chu-in-code": [{"B": "Ghi chú: hộ NM2 chuyển sang cận nghèo"}],
    "luu-y-in-code": [{"B": "Lưu ý: hộ NM3 đã thoát nghèo"}],
    "trong-do-lines-in-code": [
        {"B": "Trong đó:"},
        {"B": "- Hộ nghèo: 3 hộ"},
        {"B": "- Hộ cận nghèo: 2 hộ"},
    ],
    "trong-do-counts-in-class": [
        {"B": "Tổng số: 5 hộ, 20 khẩu"},
        {"B": "Trong đó:"},
        {"B": "- Hộ nghèo:", "I": "3 hộ"},
        {"B": "- Hộ cận nghèo:", "I": "2 hộ"},
    ],
    "trong-do-in-name-class-in-class": [
        {"C": "Tổng cộng", "H": 20},
        {"C": "Trong đó", "I": "Hộ nghèo", "J": 3},
        {"I": "Hộ cận nghèo", "J": 2},
    ],
    "cong-with-count-in-code": [{"B": "5 hộ", "C": "Cộng", "H": 20}],
    "cong-ho-with-count-in-code": [{"B": "3 hộ", "C": "Cộng hộ nghèo", "H": 12}],
    "notes-merged-over-the-row": [
        {"B": "Ghi chú: NM6 là hộ nghèo phát sinh", "merge": "B:J"},
        {"B": "Trong đó:", "merge": "B:J"},
        {"B": "Hộ nghèo 3 hộ, hộ cận nghèo 2 hộ", "merge": "B:J"},
    ],
}


@pytest.mark.parametrize("lines", NOTE_LINES.values(), ids=NOTE_LINES.keys())
def test_note_lines_in_any_column_are_no_households(tmp_path, lines):
    folder = tmp_path / "input"
    folder.mkdir()
    plan = write_plan(folder)
    roster = _may_roster(folder)
    _with_lines(roster, lines)
    result = execute(folder, tmp_path / "out", "2024-05")[0]
    na_mon = _na_mon(result.summary)
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 2)
    assert _moves(na_mon["movements"]) == {"poor": POOR_MOVES, "near_poor": NEAR_MOVES}
    assert result.summary["issues"]["rows_left_out"] == 0
    assert [i.code for i in past_targets(result.issues) if i.hamlet == "Nà Mòn"] == []
    assert past_targets(check_files([roster, plan])) == []


def test_a_subtotal_between_the_households_is_no_household(tmp_path):
    """'4 hộ | Cộng | … | 16' in row 9, under NM1-NM4, NM5 and NM6 after it."""
    folder = tmp_path / "input"
    folder.mkdir()
    plan = write_plan(folder)
    rows = [person(code, status) for code, status in MAY]
    rows.insert(4, person("NM99", "poor"))  # row 9, made the subtotal below
    roster = _may_roster(folder, rows)
    book = openpyxl.load_workbook(roster)
    sheet = book["Danh sách"]
    for cell in sheet[9]:
        cell.value = None
    sheet["B9"], sheet["C9"], sheet["H9"] = "4 hộ", "Cộng", 16
    book.save(roster)
    result = execute(folder, tmp_path / "out", "2024-05")[0]
    na_mon = _na_mon(result.summary)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert _moves(na_mon["movements"]) == {"poor": POOR_MOVES, "near_poor": NEAR_MOVES}
    assert result.summary["issues"]["rows_left_out"] == 0
    assert [i.code for i in past_targets(result.issues) if i.hamlet == "Nà Mòn"] == []
    assert past_targets(check_files([roster, plan])) == []


def test_households_that_only_look_like_notes_are_read(tmp_path):
    """A head named 'Cộng' with a code is a household; a row without a code whose head is
    'Lưu Ý' (no ':') is one too, and its missing code said, not passed over; nor is a row with
    a name ending in ':' and a class passed over."""
    folder = tmp_path / "input"
    folder.mkdir()
    plan = write_plan(folder)
    rows = [person(code, status) for code, status in MAY]
    rows.append(person("NM7", "poor", chu_ho="Cộng"))  # row 11
    rows.append(person("NM8", "poor", chu_ho="Lưu Ý"))  # row 12
    rows.append(person("NM9", "near_poor", chu_ho="Trần Văn Trong:"))  # row 13
    for row in rows[-2:]:
        row.update(ma_ho="", nam_sinh=None, gioi_tinh=None, dan_toc=None, so_dinh_danh=None)
    roster = _may_roster(folder, rows)
    result = execute(folder, tmp_path / "out", "2024-05")[0]
    na_mon = _na_mon(result.summary)
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 2)  # NM7 new; rows 12, 13 left out
    assert result.summary["issues"]["rows_left_out"] == 2
    said = [(i.code, i.cell) for i in past_targets(result.issues) if i.severity == "error"]
    assert said == [("missing-household-id", "B12"), ("missing-household-id", "B13")]
    checked = past_targets(check_files([roster, plan]))
    assert [(i.code, i.cell) for i in checked if i.severity == "error"] == said
