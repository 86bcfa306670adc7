"""Session 49's review of helper C's reading fixes (docs/decisions.md, "Session 49: review of
the reading fixes").

Bản Cọ's May list is the template (tests.test_session44_headers.run): header in row 4, BC1,
BC2 poor and BC3 near-poor in rows 5 to 7, J 'Thu nhập BQ (đồng/người/tháng)'."""

from __future__ import annotations

from tests.test_session48_income_names import PARTS, TEMPLATE, column_cells, incomes_read

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
        (column_cells("J", "Thu nhập BQ từ tháng 1 đến tháng 12", PARTS), [], incomes),
        (column_cells("J", "Thu nhập bình quân từ 01/01/2023 đến 31/12/2023", PARTS), [], incomes),
        (column_cells("J", "Thu nhập từ ngày 1/1/2023", PARTS), [], incomes),
        (column_cells("AA", "Thu nhập BQ từ lương", PARTS), [("unknown-column", "AA4")], TEMPLATE),
    ]
    for index, (cells, said, read) in enumerate(cases):
        (tmp_path / str(index)).mkdir()
        assert incomes_read(tmp_path / str(index), cells) == (said, read), index


def test_the_header_names_from_a_month_or_date():
    """The header names alone (headers._HeaderNames.match): 'từ' followed by 'tháng' or 'ngày'
    and a number, or by a date, is a period: the income (5 of 5 fail before: none). Followed
    by a source's words it is one source, none as before (6 guards; 'tháng lương', a month's
    wage, has no number; '2 nguồn' is no date)."""
    from pipeline.headers import _header_names
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


# --- a part of the income after the name and its unit ('Thu nhập BQ (đồng/người/tháng) chính')


def test_a_part_after_the_income_and_its_unit_is_never_the_income():
    """The header names alone: the part's words after a name of the income and its unit are
    the part as after the name ('Thu nhập BQ/người/tháng chính', '… (đồng/người/tháng) khác',
    '… (nghìn đồng) từ lương', 'TN BQ (đ/người/tháng) chính': 4 of 4 fail before, the
    income). The whole after the unit, the unit alone and a period after it stay the income
    (4 guards, pass before)."""
    from pipeline.headers import _header_names
    from pipeline.text import fold
    from schemas.columns import ROSTER_COLUMNS

    names = _header_names(ROSTER_COLUMNS)

    def key(header: str) -> str | None:
        found = names.match(fold(header), header)
        return found[0] if found else None

    parts = ("Thu nhập BQ/người/tháng chính", "Thu nhập BQ (đồng/người/tháng) khác",
             "Thu nhập BQ (nghìn đồng) từ lương", "TN BQ (đ/người/tháng) chính")  # fmt: skip
    assert [key(h) for h in parts] == [None] * 4
    whole = ("Thu nhập BQ (đồng/người/tháng) từ các nguồn", "Thu nhập BQ (đồng/người/tháng)",
             "Thu nhập BQ (đồng/người/tháng) từ tháng 1 đến tháng 12",
             "Thu nhập bình quân đầu người/tháng")  # fmt: skip
    assert [key(h) for h in whole] == ["thu_nhap"] * 4


def test_a_two_row_income_over_its_main_part_and_total_reads_the_total(tmp_path):
    """Bản Cọ's income as a two-row header: J3:K3 'Thu nhập BQ (đồng/người/tháng)' merged
    over J4 'Chính' (the main work's: 1,200,000 each) and K4 'Tổng' (the total: 500,000,
    300,000, 200,000 for BC1 to BC3). Before, 'Chính' under the income was read as the income
    (1,200,000 each) and the total said an unknown column at K4 (fails before). Now the main
    part is the unknown column (J4) and the total is read."""
    import openpyxl

    from pipeline.run import collect
    from tests.commune import person, write_plan
    from tests.test_session43_d_heads_files import ban_co_template

    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    rows = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    path = ban_co_template(folder, rows)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert [sheet[c].value for c in ("J3", "J4", "J5", "K3")] == [
        None, "Thu nhập BQ (đồng/người/tháng)", 1_200_000, None
    ]  # fmt: skip
    sheet.insert_cols(11)
    sheet["J3"] = "Thu nhập BQ (đồng/người/tháng)"
    sheet.merge_cells("J3:K3")
    sheet["J4"], sheet["K4"] = "Chính", "Tổng"
    for row, value in zip((5, 6, 7), (500_000, 300_000, 200_000), strict=True):
        sheet.cell(row, 11).value = value
    book.save(path)
    result = collect(folder, None, workers=0)[0]
    said = [(i.code, i.cell) for i in result.issues if i.hamlet == "Bản Cọ"]
    incomes = result.households.set_index("ma_ho").loc[["BC1", "BC2", "BC3"], "thu_nhap"]
    assert (said, incomes.tolist()) == ([("unknown-column", "J4")], [500_000, 300_000, 200_000])
