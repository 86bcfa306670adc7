"""Session 60 (E2): a grand total's figure 0 over a column whose every number is typed as text
is what =SUM gives (it passes over text), not a stale total.

Nà Mòn's list (tests.test_session52_total_sums.total_sums_run): rows 5-7 NM1 (born 1958), NM2
(1962), NM3 (1975), poor, 4 people each: their years add up to 5,895, their people to 12; row 8
the total (A label, B the count, D Năm sinh, H Số nhân khẩu). Here the people are typed as text
('4', ' 04 ', '4 '), as the reading fuzzer's lists and many exported lists hold them.
"""

from __future__ import annotations

import pytest

from pipeline.run import collect
from tests.commune import person
from tests.markup import text_from_xlsx
from tests.test_session52_total_sums import household_row, total_sums_run


def _three() -> list:
    return [person("NM1", "poor", nam_sinh=1958), person("NM2", "poor", nam_sinh=1962),
            person("NM3", "poor", nam_sinh=1975), None]  # fmt: skip


HOUSEHOLDS = [household_row("NM1"), household_row("NM2"), household_row("NM3")]
TEXT_PEOPLE = {5: {"keep": True, 8: "4"}, 6: {"keep": True, 8: " 04 "}, 7: {"keep": True, 8: "4 "}}


def _total(count, year, people) -> dict:
    return {**TEXT_PEOPLE, 8: {1: "Tổng cộng", 2: count, 4: year, 8: people}}


@pytest.mark.parametrize("count", [3, "3 hộ"])
def test_a_total_of_0_over_people_typed_as_text_is_unsaid(tmp_path, count):
    """Row 8 'Tổng cộng | 3 | … | 5,895 | … | 0': =SUM(H5:H7) over '4', ' 04 ', '4 ' gives 0
    (Excel's shown value, which a list saved as text keeps). By hand: nothing said, poor 3.
    Before: said subtotal-differs 'total' at H8, "ghi 0, cộng các dòng 5–7 được 12" (=SUM's
    sum of the numbers alone was allowed only where some row held a number)."""
    issues, read, counts = total_sums_run(tmp_path, _three(), _total(count, 5895, 0))
    assert (issues, read, counts) == ([], HOUSEHOLDS, (3, 0))


def test_the_same_list_saved_as_unicode_text_named_xls_is_unsaid(tmp_path):
    """The list above saved as Excel's "Unicode Text" (tab-separated UTF-16) named .xls, as
    the random layouts' seed 69 sends Đồng Kè's: the total's 0 read from the text. By hand:
    nothing said, Nà Mòn's 3 households read, poor 3. Before: subtotal-differs at H8."""
    total_sums_run(tmp_path, _three(), _total(3, 5895, 0))
    source = tmp_path / "NaMon.xlsx"
    text_from_xlsx(source, tmp_path / "NaMon.xls")
    source.unlink()
    result, _ = collect(tmp_path, None)
    said = [(i.code, i.cell) for i in result.issues if i.file == "NaMon.xls"]
    assert [s for s in said if s[0] in ("subtotal-differs", "total-count-differs")] == []
    frame = result.households[result.households["hamlet"] == "Nà Mòn"]
    assert sorted(frame["ma_ho"]) == ["NM1", "NM2", "NM3"]
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (hamlet["poor"], hamlet["near_poor"]) == (3, 0)


def test_a_stale_total_over_people_typed_as_text_is_still_said(tmp_path):
    """Guard (passes before and after): the same rows, row 8's people 20 (neither =SUM's 0 nor
    the hand's 12). By hand: said once at H8 as subtotal-differs 'total', "ghi 20, cộng các
    dòng 5–7 được 12"; poor 3."""
    issues, read, counts = total_sums_run(tmp_path, _three(), _total(3, 5895, 20))
    assert (issues, read, counts) == ([("subtotal-differs", "H8")], HOUSEHOLDS, (3, 0))
    result, _ = collect(tmp_path, None)
    told = [i for i in result.issues if i.code == "subtotal-differs"]
    assert [(i.row, i.variant) for i in told] == [(8, "total")]
    assert "cột H 'Số nhân khẩu' ghi 20, cộng các dòng 5–7 được 12" in told[0].message("vi")


@pytest.mark.parametrize("count", [3, "3 hộ"])
def test_sum_formulas_without_cached_values_are_unsaid(tmp_path, count):
    """Guard (passes before and after): row 8's figures =SUM(D5:D7) and =SUM(H5:H7) as
    openpyxl writes them, no cached value (no figure written by hand: not compared), the
    people as numbers and as text. By hand: nothing said, poor 3."""
    sums = {8: {1: "Tổng cộng", 2: count, 4: "=SUM(D5:D7)", 8: "=SUM(H5:H7)"}}
    assert total_sums_run(tmp_path / "numbers", _three(), sums) == ([], HOUSEHOLDS, (3, 0))
    typed = _total(count, "=SUM(D5:D7)", "=SUM(H5:H7)")
    assert total_sums_run(tmp_path / "text", _three(), typed) == ([], HOUSEHOLDS, (3, 0))


@pytest.mark.parametrize(
    "line",
    [{1: "Tổng cộng", 2: "0 hộ", 8: 0}, {1: "Tổng cộng", 2: "0 hộ", 4: 0, 8: 0}],
    ids=["people", "years-people"],
)
def test_a_total_of_0_ho_above_the_households_is_read(tmp_path, line):
    """Row 5 'Tổng cộng | 0 hộ | … | 0' (a template's empty total left above the list), NM1-NM3
    under it in rows 6-8 (the random layouts' seeds 128, 133 and 135). By hand: the list read,
    its 3 households poor, nothing said of row 5 (a count of no household totals no rows).
    Before: the whole file refused, file-unreadable "TypeError: 'NoneType' object is not
    iterable" (stale_total asked the figures of an empty group of rows)."""
    issues, read, counts = total_sums_run(tmp_path, [None, *_three()[:3]], {5: line})
    assert (issues, read, counts) == ([], HOUSEHOLDS, (3, 0))
