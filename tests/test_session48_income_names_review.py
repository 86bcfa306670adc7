"""Session 48's review of the income names (docs/decisions.md, "Session 48: 'Thu nhập từ các
nguồn' is the income again; 'Thu nhập từ các nguồn khác' is not").

The small commune's Bản Cọ May list (tests.test_session48_income_names: header in row 4,
households BC1 to BC3 in rows 5 to 7, J the template's income, 1,200,000 each). 'Thu nhập
từ …' (one source) became never the income in session 48; 'Thu nhập từ các nguồn' (from the
sources: every one) and 'Thu nhập từ tất cả nguồn' went with it, though they were read as the
income before: a list with one of them as its only income lost every income."""

from __future__ import annotations

from tests.test_session48_income_names import PARTS, TEMPLATE, column_cells, incomes_read


def test_the_income_from_the_sources_is_the_income(tmp_path):
    """Over J, alone: 'Thu nhập từ các nguồn' with its unit or without, and 'Thu nhập từ tất
    cả nguồn', are read as the income (1,200,000 each), nothing said (3 of 3 fail before:
    unknown-column at J4, no income). 'Thu nhập từ các nguồn khác' (other sources) beside J
    is never the income (unknown-column at AA4, J read): passes before too, a guard."""
    cases = [
        ({"J4": "Thu nhập từ các nguồn (đồng/người/tháng)"}, []),
        ({"J4": "Thu nhập từ các nguồn"}, []),
        ({"J4": "Thu nhập từ tất cả nguồn"}, []),
        (column_cells("AA", "Thu nhập từ các nguồn khác", PARTS), [("unknown-column", "AA4")]),
    ]
    for index, (cells, said) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        assert incomes_read(tmp_path / str(index), cells) == (said, TEMPLATE), index


def test_the_header_names_of_the_sources():
    """The header names alone (headers._HeaderNames.match), as a head types them: upper case, a
    line break, decomposed accents (NFD) fold alike. The sources, every one: the income (3 of
    4 fail before: none); other sources, one source, the main work: none."""
    import unicodedata

    from pipeline.headers import _header_names
    from pipeline.text import fold
    from schemas.columns import ROSTER_COLUMNS

    names = _header_names(ROSTER_COLUMNS)

    def key(header: str) -> str | None:
        found = names.match(fold(header), header)
        return found[0] if found else None

    whole = ("THU NHẬP TỪ CÁC NGUỒN", "Thu nhập từ\ncác nguồn (đồng/người/tháng)",
             unicodedata.normalize("NFD", "Thu nhập từ tất cả nguồn"),
             "Thu nhập từ tất cả các nguồn")  # fmt: skip
    assert [key(h) for h in whole] == ["thu_nhap"] * 4
    parts = ("Thu nhập từ các nguồn khác", "THU NHẬP TỪ CÁC NGUỒN KHÁC (đồng)",
             "Thu nhập từ lương", unicodedata.normalize("NFD", "Thu nhập chính"))  # fmt: skip
    assert [key(h) for h in parts] == [None] * 4
