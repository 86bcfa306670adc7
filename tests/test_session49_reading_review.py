"""Session 49's review of helper C's reading fixes (docs/decisions.md, "Session 49: review of
the reading fixes").

Bản Cọ's May list is the template (tests.test_session44_headers._run): header in row 4, BC1,
BC2 poor and BC3 near-poor in rows 5 to 7, J 'Thu nhập BQ (đồng/người/tháng)'."""

from __future__ import annotations

from tests.test_session48_income_names import PARTS, TEMPLATE, _column, _read

# --- 'từ' before a month or a date is a period, not one source -------------------------------


def test_an_income_over_a_period_from_a_month_or_date_is_the_income(tmp_path):
    """J4 'Thu nhập BQ từ tháng 1 đến tháng 12' (the average from January to December) and
    'Thu nhập bình quân từ 01/01/2023 đến 31/12/2023' over BC1 to BC3's 500,000, 300,000,
    200,000: the income over a period, read, nothing said. Session 49 made '<average> từ' (from
    one source) never the income, so both were an unknown column and the list had no income
    (2 of 2 fail before: ('unknown-column', 'J4') and blanks); so 'Thu nhập từ ngày 1/1' since
    session 48. 'Thu nhập BQ từ lương' (one source) stays no column (a guard: passes before)."""
    incomes = [500_000, 300_000, 200_000]
    cases = [
        (_column("J", "Thu nhập BQ từ tháng 1 đến tháng 12", PARTS), [], incomes),
        (_column("J", "Thu nhập bình quân từ 01/01/2023 đến 31/12/2023", PARTS), [], incomes),
        (_column("J", "Thu nhập từ ngày 1/1/2023", PARTS), [], incomes),
        (_column("AA", "Thu nhập BQ từ lương", PARTS), [("unknown-column", "AA4")], TEMPLATE),
    ]
    for index, (cells, said, read) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        assert _read(tmp_path / str(index), cells) == (said, read), index


def test_the_header_names_from_a_month_or_date():
    """The header names alone (read._HeaderNames.match): 'từ' followed by 'tháng' or 'ngày'
    and a number, or by a date, is a period: the income (5 of 5 fail before: none). Followed
    by a source's words it is one source, none as before (6 guards; 'tháng lương', a month's
    wage, has no number; '2 nguồn' is no date)."""
    from pipeline.read import _header_names
    from pipeline.text import fold
    from schemas.columns import ROSTER_COLUMNS

    names = _header_names(ROSTER_COLUMNS)

    def key(header: str) -> str | None:
        found = names.match(fold(header), header)
        return found[0] if found else None

    periods = ("Thu nhập BQ từ tháng 1 đến tháng 12", "TN BQ từ 01/01 đến 31/12",
               "THU NHẬP BÌNH QUÂN TỪ NGÀY 1/1/2023", "Thu nhập từ tháng 01/2023",
               "Mức thu nhập bình quân\ntừ tháng 1/2023")  # fmt: skip
    assert [key(h) for h in periods] == ["thu_nhap"] * 5
    sources = ("Thu nhập BQ từ lương", "Thu nhập từ trồng trọt", "TN BQ từ chăn nuôi",
               "Thu nhập bình quân từ thu nhập khác", "Thu nhập BQ từ tháng lương", "Thu nhập từ 2 nguồn")  # fmt: skip
    assert [key(h) for h in sources] == [None] * 6


# --- an .ods range over sheets and a deleted sheet's reference as Excel writes them ----------


def test_an_ods_range_over_sheets_and_a_deleted_sheet_as_excel_writes_them():
    """odsmerge.excel_formula: LibreOffice's range over sheets names a sheet at each end
    ('[$S1.A1:$S2.B2]'); Excel names them once before '!', quoted together where either needs
    quotes ('S1:S2!A1:B2', "'Xóm 1:S2'!A1:B2"). A reference to a deleted sheet, '[$#REF!.A1]',
    is '#REF!A1' in Excel. Before: 'S1!A1:S2!B2' and '#REF!!A1', no formula Excel writes
    (3 of 3 fail before). A range in one sheet, named at both ends, is named once (a guard)."""
    from pipeline.odsmerge import excel_formula

    assert [excel_formula(f) for f in ("=SUM([$S1.A1:$S2.B2])",
                                       "=SUM([$'Xóm 1'.A1:$S2.B2];1)",
                                       "=[$#REF!.A1]*2",
                                       "=SUM([$S1.A1:$S1.B2])")] == [
        "=SUM(S1:S2!A1:B2)", "=SUM('Xóm 1:S2'!A1:B2,1)", "=#REF!A1*2", "=SUM(S1!A1:B2)"
    ]  # fmt: skip
