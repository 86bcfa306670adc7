"""Session 41: leftovers of the reader logged by session 40. Last year's class column named
by its year ('Phân loại hộ năm 2023') in a 2024 list."""

from __future__ import annotations

import pytest

from tests.test_session40_reading import MARKED, MARKS, _header

LAST_YEAR = "Phân loại hộ năm 2023"


@pytest.mark.parametrize("last_year", [LAST_YEAR, "Phân loại hộ cuối năm 2023", "Phân loại 2023"])
def test_last_year_s_class_column_beside_marks_is_an_earlier_column(last_year):
    """In a May 2024 list the marks are the class and the column naming 2023 is an earlier one
    (not read, no unknown column; ``timed``: read again if the list's month is settled
    otherwise). Before, it was the class and the three mark columns unknown. In a 2023 list,
    or with no month known, it is the class column, as before."""
    header = _header([last_year, *MARKS], MARKED, "2024-05")
    assert [(col, key) for col, key, _, _ in header.marks] == [
        (5, "poor"),
        (6, "near_poor"),
        (7, "exited"),
    ]
    assert (header.earlier, header.unknown, header.timed) == ([(4, last_year)], [], True)
    for period in ("2023-12", None):
        header = _header([last_year, *MARKS], MARKED, period)
        assert header.marks == [] and header.columns["phan_loai"] == (4, last_year)
        assert [col for col, _ in header.unknown] == [5, 6, 7]


def test_a_class_column_naming_the_list_s_own_year_or_a_span_is_still_the_class_column():
    """'Phân loại hộ năm 2024' in a 2024 list is not earlier, nor is a span of years ('giai
    đoạn 2022-2025'): both are read as before, the marks unknown."""
    for named in ("Phân loại hộ năm 2024", "Phân loại hộ giai đoạn 2022-2025"):
        header = _header([named, *MARKS], MARKED, "2024-05")
        assert header.marks == [] and header.columns["phan_loai"] == (4, named)
        assert [col for col, _ in header.unknown] == [5, 6, 7]


@pytest.mark.parametrize(
    ("classes", "read", "earlier"),
    [
        ([LAST_YEAR, "Phân loại hộ"], (5, "Phân loại hộ"), [(4, LAST_YEAR)]),
        (["Phân loại hộ", LAST_YEAR], (4, "Phân loại hộ"), [(5, LAST_YEAR)]),
    ],
)
def test_a_class_column_of_an_earlier_year_than_the_lists_is_not_read(classes, read, earlier):
    """Beside a plain 'Phân loại hộ' in a May 2024 list, the column naming 2023 is earlier and
    the plain one is May's. Before, neither was chosen: the class column named twice."""
    header = _header(classes, [["Hộ cận nghèo", "Hộ nghèo"], ["Hộ nghèo", "Hộ nghèo"]], "2024-05")
    assert (header.columns["phan_loai"], header.earlier, header.unknown) == (read, earlier, [])
    assert header.twice == []
