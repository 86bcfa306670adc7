"""Session 49: small consistency defects (docs/decisions.md, the sections 'Session 49: …' named
by each test): `check` of a web page named for a hamlet, a tiny change of rate written with at
most four decimals, the income messages' example in the column's unit, the start list's exited
mark named as the officer sees its column, 'Thu nhập BQ chính thức'."""

from __future__ import annotations

# --- 3. the income messages' example in the column's unit ---------------------------------------


def test_the_income_messages_example_is_in_the_columns_unit(tmp_path):
    """Bản Cọ's income headed 'Thu nhập BQ (nghìn đồng/người/tháng)' (J4), BC1's J5 'abc', BC2's
    J6 -5. Before, both asked for the column's unit 'ví dụ 1.200.000': a thousand times the
    income in thousands (fails before). Now 1,200,000 đồng written in thousands: '1.200'."""
    from tests.test_session44_headers import _run

    cells = {"J4": "Thu nhập BQ (nghìn đồng/người/tháng)", "J5": "abc", "J6": -5, "J7": 900}
    result = _run(tmp_path, cells)
    said = {i.code: i for i in result.issues if i.hamlet == "Bản Cọ"}
    assert said["invalid-income"].message("vi") == (
        "Ô J5 ('Thu nhập BQ (nghìn đồng/người/tháng)') ghi 'abc', không phải số. Hãy ghi thu nhập "
        "bằng số, theo đơn vị ghi ở tiêu đề cột (ví dụ 1.200). Hộ vẫn được tính."
    )
    assert "(e.g. 1,200)." in said["invalid-income"].message("en")
    assert "(ví dụ 1.200; ghi 0 nếu hộ không có thu nhập)" in said["negative-income"].message("vi")
    assert "(e.g. 1,200; 0 if" in said["negative-income"].message("en")
    # BC3's 900 thousand is 900,000 đồng
    assert result.households.set_index("ma_ho").loc["BC3", "thu_nhap"] == 900_000


def test_the_income_example_follows_the_headers_unit():
    """1,200,000 đồng a person a month in each unit by hand: đồng 1.200.000, thousands 1.200,
    millions 1,2, a year 12 × 1,200,000 = 14.400.000, a year in thousands 14.400."""
    from pipeline.text import income_example

    headers = ["Thu nhập BQ (đồng/người/tháng)", "Thu nhập BQ (nghìn đồng/người/tháng)",
               "Thu nhập BQ (triệu đồng)", "Tổng thu nhập năm của hộ",
               "Thu nhập năm (nghìn đồng)"]  # fmt: skip
    assert [income_example(h) for h in headers] == [
        "1.200.000", "1.200", "1,2", "14.400.000", "14.400"
    ]  # fmt: skip
    assert income_example(headers[2], "en") == "1.2"
