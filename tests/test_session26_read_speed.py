"""Session 26: the province's read stage cut, outputs unchanged (docs/decisions.md).

Each fast path below is checked against the slow path it stands in for, on hand-made cases
that take the slow path too (a value the fast path must not skip).
"""

from __future__ import annotations

import numpy as np
import pytest

from pipeline import sheetscan
from pipeline.validate import Columns, _not_household_counts, not_household_count


def _sheet(rows: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    ).encode()


def _cell(ref: str, value: int) -> str:
    return f'<c r="{ref}"><v>{value}</v></c>'


# Rows 1-6, each with one value; what hides them varies (0-based runs as the reader says them).
_DOUBLE = _sheet(
    f'<row r="1">{_cell("A1", 1)}</row>'
    f'<row r="2" ht="0" customHeight="1">{_cell("A2", 2)}</row>'
    f'<row r="3" ht="0.0" customHeight="1">{_cell("A3", 3)}</row>'
    f'<row r="4" ht="15.75">{_cell("A4", 4)}</row>'
    f'<row r="5" hidden="1">{_cell("A5", 5)}</row>'
    f'<row r="6">{_cell("A6", 6)}</row>'
)
# the same rows hidden, every attribute in single quotes (a writer other than Excel)
_SINGLE = _sheet(
    f"<row r='1'>{_cell('A1', 1)}</row>"
    f"<row r='2' ht='0' customHeight='1'>{_cell('A2', 2)}</row>"
    f"<row r='3' ht='0.0' customHeight='1'>{_cell('A3', 3)}</row>"
    f"<row r='4' ht='15.75'>{_cell('A4', 4)}</row>"
    f"<row r='5' hidden='true'>{_cell('A5', 5)}</row>"
    f"<row r='6'>{_cell('A6', 6)}</row>"
)
# single-quoted marks beside double-quoted ones: both kinds are looked for
_MIXED = _sheet(
    f'<row r="1">{_cell("A1", 1)}</row>'
    f"<row r='2' ht='0'>{_cell('A2', 2)}</row>"
    f'<row r="3" ht="0" customHeight="1">{_cell("A3", 3)}</row>'
    f'<row r="4">{_cell("A4", 4)}</row>'
    f"<row r='5' hidden='1'>{_cell('A5', 5)}</row>"
    f'<row r="6" hidden="true">{_cell("A6", 6)}</row>'
)


@pytest.mark.parametrize(
    ("data", "runs"),
    [
        (_DOUBLE, [(1, 2, False), (4, 4, False)]),  # no quote at all: the quoted marks skipped
        (_SINGLE, [(1, 2, False), (4, 4, False)]),  # only quoted marks: found all the same
        (_MIXED, [(1, 2, False), (4, 5, False)]),
        (_sheet(f'<row r="1">{_cell("A1", 1)}</row>'), []),
    ],
)
def test_hidden_rows_are_found_whether_or_not_the_sheet_holds_a_single_quote(data, runs):
    """Rows 2-3 (height 0, '0.0') and row 5 (hidden) are hidden in the first two sheets; the
    third hides 2, 3 (height 0), 5 and 6 (hidden). Row 4's height 15.75 hides nothing. The byte
    search agrees with walking every row tag (the slow way, which reads each row's attributes)."""
    marks = sheetscan._Marks.of(data)
    assert sheetscan._hidden_rows(data, marks) == runs
    assert sheetscan._hidden_by_walking(data) == runs


def _codes(values: list[object]) -> np.ndarray:
    column = np.empty(len(values), dtype=object)
    column[:] = values
    return column


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # no 'h' nor 'H' in any code: told at once, every one a code
        (["NM1", "TL.0001.003", "120", "A-7"], [True, True, True, True]),
        # a count among them (its 'h'): each code looked at, '120 hộ' is no code
        (["NM1", "120 hộ", "HO120", "TL.0001.003"], [True, False, True, True]),
        (["12 HỘ", "NM2"], [False, True]),  # only an 'H': looked at too
        (["5 Ho", "01 Hoà"], [False, True]),  # 'Ho' folded is 'hộ'; 'Hoà' is no 'hộ'
        # a blank among them (not text throughout): value by value; a blank is no count
        (["NM1", None, "20 hộ, 95 khẩu"], [True, True, False]),
        ([7.0, "NM3"], [True, True]),  # a number is a code, as written
    ],
)
def test_a_count_in_ma_ho_is_found_by_the_fast_path_as_value_by_value(values, expected):
    column = _codes(values)
    fast = np.asarray(_not_household_counts(Columns({"ma_ho": column})), dtype=bool)
    assert fast.tolist() == expected
    assert [not_household_count(value) for value in values] == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  Mã   hộ  ", "Mã hộ"),  # spaces collapsed, ends trimmed
        ("Na\u0300 Mo\u0300n", "Nà Mòn"),  # typed decomposed (NFD): composed
        ("Họ và\u00a0tên\nchủ hộ", "Họ và tên chủ hộ"),  # a no-break space, a line break
        ("   ", ""),  # blank
        ("", ""),
        (12.0, "12"),  # not text: as before, never remembered
        (None, ""),
    ],
)
def test_a_text_cleaned_again_is_cleaned_as_the_first_time(value, expected):
    """clean_text remembers each text it cleaned (the same headers and labels in every
    roster): the second answer, from memory, is the first."""
    from pipeline.text import clean_text

    assert clean_text(value) == expected
    assert clean_text(value) == expected


def test_a_long_text_is_cleaned_without_being_remembered():
    """Only short texts are remembered (a reader keeps them from file to file): a long one,
    its 300 words spaced twice, is cleaned the long way, to the same text."""
    from pipeline.text import _clean_str, clean_text

    long_text = "  ".join(["hộ"] * 300)
    before = _clean_str.cache_info().currsize
    assert clean_text(long_text) == " ".join(["hộ"] * 300)
    assert _clean_str.cache_info().currsize == before
    assert clean_text("  Mã   hộ ") == "Mã hộ"
    assert _clean_str("  Mã   hộ ") == "Mã hộ"
