"""Session 47 (helper T): the adversarial review of the income reading wave (the start list's
income formulas and error values said at their cells, an extra income column's number over
another's words, a household's year in millions judged by each person's month).

The small commune's plan (tests.commune): its start list 'Danh sách đầu năm' has its header
in row 3, K the income, its 10 households in rows 4 to 13: Nà Mòn's NM1 to NM5 (rows 4-8),
Bản Cọ's BC1 to BC3 (rows 9-11), Đồng Kè's DK1, DK2 (rows 12, 13)."""

from __future__ import annotations

from tests.test_session47_reading_left_income import start_said


class Counted(tuple):
    """A cell tuple (discover.household_cells') that counts the reads of its Excel row."""

    reads = 0

    def __getitem__(self, index):
        if index == 1:
            Counted.reads += 1
        return super().__getitem__(index)


# --- 1. the start list's income cells found hamlet by hamlet (issue #6) ------------------------


def test_each_income_error_cells_row_is_read_twice_whatever_the_hamlets(tmp_path, monkeypatch):
    """K4 to K13 '#REF!': the 10 cells, one in each household row of the three hamlets. Each
    cell's row was read once for each hamlet of the list to find the hamlet's cells, then once
    to say it: 4 reads a cell here, 40 (a province's list of 1,000 hamlets, '#REF!' in each of
    its 150,000 incomes: 150 million looks, the plan's read 5.6 s → 11.1 s CPU). Now once to
    find its hamlet, once to say it: 20, however many hamlets. Said as before: once past five,
    at K4 naming rows 4–13, each hamlet's rows in one warning (variant plan-rows)."""
    from pipeline import plan
    from pipeline.discover import household_cells
    from pipeline.read import open_workbook

    counted = lambda *args: [Counted(c) for c in household_cells(*args)]  # noqa: E731
    monkeypatch.setattr(plan, "household_cells", counted)
    said, start = start_said(tmp_path, {f"K{row}": "#REF!" for row in range(4, 14)})
    assert [(i.code, i.cell, i.variant) for i in said] == [
        ("optional-cell-error-value", "K4", "plan-rows")
    ]
    assert "10 dòng hộ (các dòng 4–13)" in said[0].message("vi")
    assert start["thu_nhap"].isna().sum() == 10
    Counted.reads = 0
    plan.load_plan(open_workbook(tmp_path / "KeHoach_2024.xlsx"), "KeHoach_2024.xlsx")
    assert Counted.reads == 20


def test_household_cells_looks_at_the_columns_holding_a_cell_only():
    """discover.household_cells over 3 household rows (5 to 7) of a header reading 4 columns
    (B Mã hộ, C name, D size, E income): the cells at E5 and E7 found, E7 showing '#REF!'. Each
    row was looked at in each of the 4 columns (12 looks; a province's start list of 150,000
    rows and 27 columns: 4 million for its income's cells); now in E alone: 3."""
    from types import SimpleNamespace

    from pipeline.discover import household_cells

    class Looked(dict):
        looks = 0

        def __contains__(self, key):
            Looked.looks += 1
            return super().__contains__(key)

    columns = {"ma_ho": (1, "Mã hộ"), "chu_ho": (2, "Họ và tên chủ hộ"),
               "nhan_khau": (3, "Số nhân khẩu"), "thu_nhap": (4, "Thu nhập BQ")}  # fmt: skip
    header = SimpleNamespace(columns=columns, marks=[])
    rows = SimpleNamespace(excel_rows=[5, 6, 7])
    cells = Looked({(4, 4): "", (6, 4): "#REF!"})
    found = household_cells({"DS": cells}, [("DS", header, rows)], {})
    assert found == [
        ("DS", 5, "E5", "thu_nhap", "Thu nhập BQ", ""),
        ("DS", 7, "E7", "thu_nhap", "Thu nhập BQ", "#REF!"),
    ]
    assert Looked.looks == 3


# --- 2. a column said differing from one whose words gave way names the column read -------------


def test_a_column_differing_from_words_that_gave_way_names_the_number_read(tmp_path):
    """J7 (BC3's income, 4 members) blank; Z4 'Thu nhập năm' (Z7 'chưa rõ'), AA4 'Tổng thu
    nhập năm của hộ' (AA7 'không rõ'), AB4 'Thu nhập năm của hộ' (AB7 0). Settled left to
    right (tests/test_session47_order_leftovers.py): Z's words fill row 7 first, AA's words
    differ from them, then AB's 0, the one number, takes the row over: BC3's income 0. AA4
    said the row read from Z4, whose words were not read, before twice._taken_over moved it;
    now from AB4, as Z4 says it too."""
    from tests.test_session44_headers import ban_co_said, run_with_headers

    cells = {"J7": None, "Z4": "Thu nhập năm", "Z7": "chưa rõ", "AA4": "Tổng thu nhập năm của hộ",
             "AA7": "không rõ", "AB4": "Thu nhập năm của hộ", "AB7": 0}  # fmt: skip
    result = run_with_headers(tmp_path, cells)
    incomes = result.households.set_index("ma_ho").loc[["BC1", "BC2", "BC3"], "thu_nhap"]
    assert incomes.tolist() == [1_200_000, 1_200_000, 0]
    assert ban_co_said(result) == [("column-twice-ignored", c) for c in ("Z4", "AA4", "AB4")]
    z4, aa4, ab4 = [i.message("vi") for i in result.issues if i.hamlet == "Bản Cọ"]
    row = "1 dòng hộ để trống cột ở ô J4 (dòng 7): đã đọc cột ở ô AB4"
    assert row + ", ghi khác cột ở ô Z4." in z4
    assert row + ", ghi khác cột ở ô AA4." in aa4
    assert row + " (thu nhập cả năm của cả hộ: " in ab4


# --- 3. an .ods cell showing an error value is said, as an .xlsx's and an .xls's ---------------

_ODS_ERROR = (
    '<table:table-cell table:formula="of:=1/0" office:value-type="string" '
    'office:string-value="" calcext:value-type="error"><text:p>{}</text:p></table:table-cell>'
)
_CALCEXT = 'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'


def test_an_ods_scan_notes_the_cells_showing_an_error_where_they_stand(tmp_path):
    """A sheet 'DS' whose row 1 is 'Mã hộ', then two rows repeated (rows 2 and 3), each three
    empty cells repeated (A to C) and D showing '#DIV/0!' as LibreOffice writes it, then row 4
    with A '#N/A'; row 5 A '#REF!' under a comment ('ghi chú'), B an error cell showing
    nothing, C 'x': the errors at (1, 3), (2, 3), (3, 0) and (4, 0) '#REF!', 0-based, as the
    file shows them (fails before: no errors, calamine reading each as empty)."""
    import zipfile

    from pipeline import odsmerge
    from pipeline.read import open_workbook
    from tests.test_ods_merges import NS, ods, text_cell

    rows = (
        f"<table:table-row>{text_cell('Mã hộ')}</table:table-row>"
        '<table:table-row table:number-rows-repeated="2">'
        '<table:table-cell table:number-columns-repeated="3"/>'
        f"{_ODS_ERROR.format('#DIV/0!')}</table:table-row>"
        f"<table:table-row>{_ODS_ERROR.format('#N/A')}</table:table-row>"
        "<table:table-row>"
        + _ODS_ERROR.format("#REF!").replace(
            "<text:p>", "<office:annotation><text:p>ghi chú</text:p></office:annotation><text:p>"
        )
        + '<table:table-cell calcext:value-type="error"/>'
        + f"{text_cell('x')}</table:table-row>"
    )
    path = ods(tmp_path / "a.ods", f'<table:table table:name="DS">{rows}</table:table>',
                ns=f"{NS} {_CALCEXT}")  # fmt: skip
    with zipfile.ZipFile(path) as package:
        _, _, errors, _ = odsmerge.scan(package)
    expected = {(1, 3): "#DIV/0!", (2, 3): "#DIV/0!", (3, 0): "#N/A", (4, 0): "#REF!"}
    assert errors == {"DS": expected}
    book = open_workbook(path)
    assert [row[:4] for row in book.grid("DS")][1:4] == [["", "", "", ""]] * 3
    assert book.errors == {"DS": expected}


def test_an_ods_lists_income_showing_an_error_is_said_at_its_cell(tmp_path):
    """Bản Cọ's May list as an .ods (tests.test_ods_merges: header in rows 3-4, BC1 to BC3 in
    rows 5 to 7, the income in column J): J6 (BC2) shows '#N/A' as LibreOffice writes it.
    Before, read as blank and said nowhere (the README says such a cell is pointed out in an
    .ods too); now said at J6 as in an .xlsx (optional-cell-error-value), BC2 counted
    without its income, BC1 and BC3 at 1,200,000."""
    import zipfile

    from pipeline.run import collect
    from tests.commune import person, write_plan
    from tests.test_ods_merges import ban_co_ods

    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    rows = [person("BC1", "poor"), person("BC2", "poor", thu_nhap="LOI"),
            person("BC3", "near_poor")]  # fmt: skip
    _, placed = ban_co_ods(folder, rows)
    assert (placed.cols["thu_nhap"], placed.rows["BC2"]) == ("J", 6)
    path = folder / "BanCo_05.ods"
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    cell = '<table:table-cell office:value-type="string"><text:p>LOI</text:p></table:table-cell>'
    content = parts["content.xml"].decode()
    assert content.count(cell) == 1
    content = content.replace(cell, _ODS_ERROR.format("#N/A"))
    parts["content.xml"] = content.replace("xmlns:table=", f"{_CALCEXT} xmlns:table=", 1).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    result, _ = collect(folder, None, workers=0)
    said = [(i.code, i.cell, i.value) for i in result.issues if i.hamlet == "Bản Cọ"]
    assert ("optional-cell-error-value", "J6", "#N/A") in said
    incomes = result.households.set_index("ma_ho").loc[["BC1", "BC2", "BC3"], "thu_nhap"]
    assert incomes.fillna(-1).tolist() == [1_200_000, -1, 1_200_000]
