"""Session 49 (helper C): five small reading defects left by session 48 (docs/decisions.md,
the "Session 49:" sections on the start list's lines naming rows, the start list's exited
households, the income's parts after the average's names, and the income's cell named).

The small commune (tests.commune). Bản Cọ's May list is the template (tests.test_session44_
headers._run): header in row 4, BC1, BC2 poor and BC3 near-poor in rows 5 to 7, J 'Thu nhập
BQ (đồng/người/tháng)' (1,200,000 each). The plan's start list (tests.test_session47_reading_
left_income._start_said): header in row 3, NM1 to NM3 poor, NM4, NM5 near-poor (rows 4 to 8),
BC1, BC2 poor, BC3 near-poor (9 to 11), DK1 poor, DK2 near-poor (12, 13); I 'Số nhân khẩu',
J 'Phân loại hộ', K the income."""

from __future__ import annotations

from tests.test_session48_income_names import PARTS, TEMPLATE, _column, _read

BLANK = [None] * 3

# --- 3. the income's parts after each name of the average ('Thu nhập BQ chính') -------------


def test_the_averages_main_income_and_one_source_are_never_the_income(tmp_path):
    """'Thu nhập BQ chính' (the main work's average: one part), 'Thu nhập bình quân từ lương'
    (one source) and 'Thu nhập BQ khác' (the other incomes) are a column not in the template
    (unknown-column at the header), nothing read, as 'Thu nhập chính' is (session 48). Before,
    each began with a name of the income ('Thu nhập BQ'): alone, its 500,000, 300,000, 200,000
    read as the whole income; beside J, a second income differing from it, the only list
    refused (5 of 5 fail before). 'Thu nhập BQ từ các nguồn' (every source) alone is the
    income, as 'Thu nhập từ các nguồn' is: read, nothing said (passes before: a guard)."""
    same = {5: 1_200_000, 6: 1_200_000, 7: 1_200_000}
    cases = [
        (_column("J", "Thu nhập BQ chính", PARTS), [("unknown-column", "J4")], BLANK),
        (_column("J", "Thu nhập bình quân từ lương", PARTS), [("unknown-column", "J4")], BLANK),
        (_column("J", "Thu nhập BQ khác", PARTS), [("unknown-column", "J4")], BLANK),
        (_column("AA", "Thu nhập BQ chính", PARTS), [("unknown-column", "AA4")], TEMPLATE),
        (
            _column("AA", "Thu nhập BQ chính (đồng/người/tháng)", PARTS),
            [("unknown-column", "AA4")],
            TEMPLATE,
        ),
        (_column("J", "Thu nhập BQ từ các nguồn", same), [], TEMPLATE),
    ]
    for index, (cells, said, incomes) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        assert _read(tmp_path / str(index), cells) == (said, incomes), index


def test_the_header_names_of_the_averages_parts():
    """The header names alone (read._HeaderNames.match): a part after each name of the average
    names no column (6 of 6 fail before: the income); the whole after it, and the average
    itself, name the income."""
    from pipeline.read import _header_names
    from pipeline.text import fold
    from schemas.columns import ROSTER_COLUMNS

    names = _header_names(ROSTER_COLUMNS)

    def key(header: str) -> str | None:
        found = names.match(fold(header), header)
        return found[0] if found else None

    parts = ("Thu nhập BQ chính", "THU NHẬP BÌNH QUÂN CHÍNH (đồng)", "TN BQ từ lương",
             "Mức thu nhập bình quân chính", "Thu nhập BQ khác",
             "Thu nhập BQ từ các nguồn khác")  # fmt: skip
    assert [key(h) for h in parts] == [None] * 6
    whole = ("Thu nhập BQ từ tất cả các nguồn", "Thu nhập bình quân từ mọi nguồn",
             "Thu nhập BQ (đồng/người/tháng)", "Thu nhập bình quân đầu người")  # fmt: skip
    assert [key(h) for h in whole] == ["thu_nhap"] * 4


