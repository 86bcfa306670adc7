"""Session 41: small leftovers of the session's QA and reviews. A number with a fraction
quoted as Excel's General cell shows it ('0,002470356', not all of its 17 digits)."""

from __future__ import annotations

import pytest

from pipeline.text import as_shown, excel_general
from tests.test_session41_reading import _dated_in_excel


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        (5 / 2024, "0.002470356"),  # 0.0024703557312252965: 11 characters, rounded
        (1 / 3, "0.333333333"),
        (-1 / 3, "-0.33333333"),  # the sign takes a character
        (10 / 3, "3.333333333"),
        (0.1 + 0.2, "0.3"),  # 0.30000000000000004
        (1968.75, "1968.75"),
        (-1968.75, "-1968.75"),
        (123456789012.5, "1.23457E+11"),  # too long for 11 characters
        (0.000001234, "1.234E-06"),
    ],
)
def test_a_number_with_a_fraction_is_said_as_excel_s_general_cell_shows_it(number, shown):
    assert excel_general(number) == shown
    quoted = as_shown(number)
    assert (quoted, quoted.en) == (shown.replace(".", ","), shown)


def test_a_date_typed_as_a_number_with_a_fraction_is_quoted_as_its_cell_shows_it(tmp_path):
    """'Ngày lập' holding 1 ÷ 3 (no formula): before, the message quoted
    '0.3333333333333333', the English digits, 16 of them; now as the cell shows it."""
    _, said = _dated_in_excel(tmp_path, 1 / 3)
    assert [(code, cell, vi) for code, cell, _, vi, _ in said] == [
        ("invalid-prepared-date", "B7",
         "Không đọc được ngày ở ô 'Ngày lập' ('0,333333333'). Hãy ghi ngày theo dạng 03/06/2024; "
         "khi xóm gửi nhiều bản của cùng một kỳ, bản có ngày lập sau được dùng."),
    ]  # fmt: skip
    assert "('0.333333333')" in said[0][4]
