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


# --- 4. an income's problem names its cell and column ('Tổng thu nhập năm của hộ') ------------


def test_an_income_not_a_number_or_negative_names_its_cell_and_column(tmp_path):
    """Bản Cọ's income headed 'Tổng thu nhập năm của hộ' (J4: the household's year, read
    divided by 12 and its 4 members), BC1's J5 'abc', BC2's J6 -5. Before, both said "'Thu nhập
    BQ' là …" and asked for đồng a person a month: no column named, and another unit than the
    column's (fails before). Now each names its cell and header and asks for the column's unit;
    the household still counted. BC3's 12,000,000 a year is 250,000 a month a person."""
    from tests.test_session44_headers import _run

    cells = {"J4": "Tổng thu nhập năm của hộ", "J5": "abc", "J6": -5, "J7": 12_000_000}
    result = _run(tmp_path, cells)
    said = [i for i in result.issues if i.hamlet == "Bản Cọ"]
    assert [(i.code, i.cell) for i in said] == [
        ("income-per-year", "J4"), ("invalid-income", "J5"), ("negative-income", "J6")
    ]  # fmt: skip
    assert said[1].message("vi") == (
        "Ô J5 ('Tổng thu nhập năm của hộ') ghi 'abc', không phải số. Hãy ghi thu nhập bằng số, "
        "theo đơn vị ghi ở tiêu đề cột (ví dụ 1.200.000). Hộ vẫn được tính."
    )
    assert said[1].message("en") == (
        "Cell J5 ('Tổng thu nhập năm của hộ') holds 'abc', not a number. Write the income as a "
        "number, in the unit the column's header gives (e.g. 1,200,000). The household still "
        "counts."
    )
    assert (
        said[2]
        .message("vi")
        .startswith(
            "Ô J6 ('Tổng thu nhập năm của hộ') ghi '-5', một số âm: thu nhập không thể âm. Hãy ghi "
            "thu nhập không có dấu trừ, theo đơn vị ghi ở tiêu đề cột"
        )
    )
    assert 12_000_000 / 12 / 4 == 250_000
    incomes = result.households.set_index("ma_ho").loc[["BC1", "BC3"], "thu_nhap"].tolist()
    assert incomes[1] == 250_000
