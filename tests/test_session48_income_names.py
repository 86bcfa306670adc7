"""Session 48: the income's names left by session 47's review of 'Thu nhập khác' (docs/
decisions.md, "Session 48: 'Thu nhập chính' and 'Thu nhập từ …' (one source) are never the
income; 'Thu nhập từ tất cả các nguồn' is").

The small commune (tests.commune): Bản Cọ's May list is the template (tests.test_session43_d_
heads_files._ban_co): header in row 4, households in rows 5 to 7 (BC1, BC2 poor, BC3
near-poor); J 'Thu nhập BQ (đồng/người/tháng)' (all 1,200,000), nothing after Z. Each case
writes its header at AA4 (beside J) or over J4 (alone), in a folder of its own."""

from __future__ import annotations

import math

from tests.summaries import hamlet_figures
from tests.test_session44_headers import ban_co_said, run_with_headers

WORDS = {5: "Làm ruộng", 6: "Làm thuê", 7: "Chăn nuôi"}  # the main work, as heads write it
PARTS = {5: 500_000, 6: 300_000, 7: 200_000}  # one source's income
TEMPLATE = [1_200_000] * 3
BLANK = [None] * 3


def incomes_read(tmp_path, cells: dict):
    """The run of Bản Cọ's list with ``cells``: what it says of Bản Cọ, and BC1 to BC3's
    incomes (None for blank); asserts the list counts (poor 2, near-poor 1)."""
    result = run_with_headers(tmp_path, cells)
    ban_co = hamlet_figures(result, "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 2, 1)
    incomes = result.households.set_index("ma_ho").loc[["BC1", "BC2", "BC3"], "thu_nhap"]
    return ban_co_said(result), [None if math.isnan(v) else v for v in incomes.tolist()]


def column_cells(letter: str, header: str, values: dict) -> dict:
    return {f"{letter}4": header, **{f"{letter}{row}": v for row, v in values.items()}}


def test_the_main_work_and_one_source_are_never_the_income(tmp_path):
    """'Thu nhập chính' (the main work: words, or that work's income in numbers) and 'Thu nhập
    từ lương' (one source) are a column not in the template (unknown-column at their header),
    nothing of them read. Before, 'Thu nhập' began each, a name of the income: beside J a
    second income differing from it, the only list refused (3 cases); alone, the words said
    as incomes not numbers (invalid-income at J5 to J7) and the numbers read as the whole
    income (500,000, 300,000, 200,000: 2 cases). 5 of 5 fail before. Now beside J, J is read
    (1,200,000 each); alone, the income is left blank."""
    cases = [
        (column_cells("AA", "Thu nhập chính", WORDS), [("unknown-column", "AA4")], TEMPLATE),
        (column_cells("AA", "Thu nhập chính", PARTS), [("unknown-column", "AA4")], TEMPLATE),
        (column_cells("AA", "Thu nhập từ lương", PARTS), [("unknown-column", "AA4")], TEMPLATE),
        (column_cells("J", "Thu nhập chính", WORDS), [("unknown-column", "J4")], BLANK),
        (column_cells("J", "Thu nhập từ lương", PARTS), [("unknown-column", "J4")], BLANK),
    ]
    for index, (cells, said, incomes) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        assert incomes_read(tmp_path / str(index), cells) == (said, incomes), index


def test_the_income_from_all_sources_is_the_income(tmp_path):
    """'Thu nhập từ tất cả các nguồn' (from all sources) is the whole income, as it was: alone
    (with its unit or without), read, nothing said; beside J holding the same, a copy of it
    (column-twice-ignored at AA4), J read. 'Thu nhập từ mọi nguồn' (every source) alone is
    read the same. These pass before too: they guard the whole from the rule of one source."""
    same = {5: 1_200_000, 6: 1_200_000, 7: 1_200_000}
    cases = [
        ({"J4": "Thu nhập từ tất cả các nguồn"}, []),
        ({"J4": "Thu nhập từ tất cả các nguồn (đồng/người/tháng)"}, []),
        ({"J4": "Thu nhập từ mọi nguồn"}, []),
        (
            column_cells("AA", "Thu nhập từ tất cả các nguồn", same),
            [("column-twice-ignored", "AA4")],
        ),
    ]
    for index, (cells, said) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        assert incomes_read(tmp_path / str(index), cells) == (said, TEMPLATE), index


def test_the_header_names_of_one_source_and_of_all():
    """The header names alone (headers._HeaderNames.match): the main work and one source, with
    more words after them, name no column (4 of 4 fail before: the income); all sources,
    with a note after them, name the income."""
    from pipeline.headers import _header_names
    from pipeline.text import fold
    from schemas.columns import ROSTER_COLUMNS

    names = _header_names(ROSTER_COLUMNS)

    def key(header: str) -> str | None:
        found = names.match(fold(header), header)
        return found[0] if found else None

    parts = ("Thu nhập chính của hộ", "Thu nhập chính (đồng)", "Thu nhập từ nông nghiệp",
             "Thu nhập từ lương, trợ cấp (đồng/tháng)")  # fmt: skip
    assert [key(h) for h in parts] == [None] * 4
    whole = ("Thu nhập từ tất cả các nguồn của hộ", "Thu nhập từ mọi nguồn (đồng/người/tháng)")
    assert [key(h) for h in whole] == ["thu_nhap"] * 2
