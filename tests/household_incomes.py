"""Bản Cọ's May list with its income column's header and values rewritten, as session 51's and
52's tests of an income column holding the household's month build it
(tests.test_session44_headers.run): BC1, BC2 poor, BC3 near-poor in rows 5 to 7, H 'Số nhân
khẩu' (4 each unless written), J the income. Rural line 1,500,000 đ."""

from __future__ import annotations

from tests.commune import person
from tests.summaries import hamlet_figures
from tests.test_session44_headers import ban_co_said, run_with_headers

# the template's header of the income column: each person's month
PER_PERSON = "Thu nhập BQ (đồng/người/tháng)"


def incomes(result) -> list[float]:
    """BC1's, BC2's and BC3's incomes as the run read them (each person's month)."""
    return result.households.set_index("ma_ho").loc[["BC1", "BC2", "BC3"], "thu_nhap"].tolist()


def run_incomes(folder, header: str, values: list[int]):
    """Bản Cọ's list run in ``folder`` (made here): J4 headed ``header``, BC1's, BC2's and BC3's
    incomes ``values`` in J5 to J7, BC1 and BC2 of 4 people, BC3 of 3. Returns the run's
    result."""
    folder.mkdir()
    bc3 = person("BC3", "near_poor", nhan_khau=3)
    cells = {"J4": header, "J5": values[0], "J6": values[1], "J7": values[2]}
    return run_with_headers(folder, cells, bc3)


def households_month_read(folder, header: str):
    """:func:`run_incomes` of BC1 4,800,000 and BC2 3,000,000 (4 people each), BC3 1,000,000
    (3 people) under ``header``. Asserted, ``header`` on each failure: Bản Cọ counted ('ok', 2
    poor, 1 near-poor), one notice at J4 ('income-per-year'), the values read as the
    household's month, divided by its size: 4,800,000 / 4 = 1,200,000, 3,000,000 / 4 =
    750,000, 1,000,000 / 3 = 333,333.33 (to the hundredth). Returns the notice."""
    result = run_incomes(folder, header, [4_800_000, 3_000_000, 1_000_000])
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1), header
    assert ban_co_said(result) == [("income-per-year", "J4")], header
    assert incomes(result) == [1_200_000, 750_000, 333_333.33], header
    (issue,) = [i for i in result.issues if i.hamlet == "Bản Cọ"]
    return issue
