"""Session 24: reading gaps left by session 23.

1. Summary lines: 'Trong đó | … | Hộ nghèo | 3' (a bare number beside a class, no code, no
   name) and a subtotal numbered on from the households ('7 | 120 hộ | Cộng xóm | … | 400')
   are passed over; a row with a head's name beside '120 hộ' is still read and its errors said.

Nà Mòn's May list of tests/test_session23_rows.py, worked by hand there: poor 3, near-poor 2
(NM1 NM5 NM6 poor; NM2 NM4 near-poor; NM3 exited), the lines below written from row 11.
"""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.run import execute
from tests.commune import past_targets, person, write_plan
from tests.test_session23_rows import (
    MAY,
    NEAR_MOVES,
    POOR_MOVES,
    may_roster,
    moves_without_zeros,
    na_mon_in_summary,
    read_as_the_template,
    run_with_lines,
)

# --- 1. summary lines ----------------------------------------------------------------------

SUMMARY_LINES = {
    # 'Trong đó' begins only a summary: a bare number beside a class is its count
    "trong-do-number-in-income": [{"C": "Trong đó", "I": "Hộ nghèo", "J": 3}],
    "trong-do-number-in-size": [{"C": "Trong đó", "H": 3, "I": "Hộ nghèo"}],
    "trong-do-colon-in-code": [{"B": "Trong đó:", "H": 2, "I": "Hộ cận nghèo", "J": 2}],
    # a total of two words: no head's name
    "tong-so-class-and-size": [{"C": "Tổng số", "H": 20, "I": "Hộ nghèo"}],
    "cong-ho-ngheo-class-and-size": [{"C": "Cộng hộ nghèo", "H": 12, "I": "Hộ nghèo"}],
    # a subtotal numbered on from the households, its count in Mã hộ
    "numbered-subtotal": [{"A": 7, "B": "120 hộ", "C": "Cộng xóm", "H": 400}],
    "numbered-subtotal-with-class": [
        {"A": 7, "B": "120 hộ", "C": "Cộng xóm", "H": 400, "I": "Hộ nghèo"}
    ],
    "numbered-subtotal-people": [{"A": 7, "B": "20 hộ, 95 khẩu", "C": "Tổng cộng", "H": 95}],
    # a breakdown's items under 'Trong đó:', each a class as a list's item beside its count
    "trong-do-items-with-numbers": [
        {"C": "Trong đó:"},
        {"C": "- Hộ nghèo", "I": "Hộ nghèo", "J": 3},
        {"C": "+ Hộ cận nghèo", "H": 2, "I": "Hộ cận nghèo"},
    ],
}


@pytest.mark.parametrize("lines", SUMMARY_LINES.values(), ids=SUMMARY_LINES.keys())
def test_summary_lines_are_passed_over(tmp_path, lines):
    read_as_the_template(*run_with_lines(tmp_path, lines))


# Rows that stay households (never dropped silently): (lines, errors said as (code, cell))
KEPT_ROWS = {
    # a head's name beside a count in Mã hộ: read, the count (session 25), the size and the
    # missing class said
    "count-in-code-and-a-name": (
        [{"A": 7, "B": "120 hộ", "C": "Nguyễn Văn Cường", "H": 400}],
        [
            ("household-id-is-count", "B11"),
            ("invalid-household-size", "H11"),
            ("invalid-classification", "I11"),
        ],
    ),
    # a note about one household (not a summary's words) beside a class and a size
    "luu-y-in-name": (
        [{"C": "Lưu ý: tách hộ", "H": 3, "I": "Hộ cận nghèo", "J": 900000}],
        [("missing-household-id", "B11")],
    ),
    # 'Trong đó' in the notes column is the household's own note
    "trong-do-in-notes": (
        [{"H": 4, "I": "Hộ nghèo", "J": 850000, "Z": "Trong đó 2 người khuyết tật"}],
        [("missing-household-id", "B11"), ("missing-head-name", "C11")],
    ),
}


@pytest.mark.parametrize(("lines", "errors"), KEPT_ROWS.values(), ids=KEPT_ROWS.keys())
def test_rows_of_a_household_are_still_read(tmp_path, lines, errors):
    plan, roster, result = run_with_lines(tmp_path, lines)
    na_mon = na_mon_in_summary(result.summary)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)  # the row is left out, and said
    assert result.summary["issues"]["rows_left_out"] == 1
    said = [(i.code, i.cell) for i in past_targets(result.issues) if i.severity == "error"]
    assert said == errors
    checked = past_targets(check_files([roster, plan]))
    assert [(i.code, i.cell) for i in checked if i.severity == "error"] == errors


def test_a_code_with_a_space_is_still_a_household(tmp_path):
    """The glance that takes a household row leaves a code with a space ('NM 6') to the
    closer look, which reads it: NM6 written 'NM 6' is the new poor household it was."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    roster = may_roster(folder, [person(code, status) for code, status in MAY])
    book = openpyxl.load_workbook(roster)
    assert book["Danh sách"]["B10"].value == "NM6"
    book["Danh sách"]["B10"] = "NM 6"
    book.save(roster)
    result = execute(folder, tmp_path / "out", "2024-05")[0]
    na_mon = na_mon_in_summary(result.summary)
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert moves_without_zeros(na_mon["movements"]) == {"poor": POOR_MOVES, "near_poor": NEAR_MOVES}
    assert result.summary["issues"]["rows_left_out"] == 0
