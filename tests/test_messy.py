"""Real submissions: the clean fixture commune written the messy ways hamlets send it must give
exactly the same figures (and the same households) as the clean files."""

from __future__ import annotations

import pytest

from pipeline.run import collect
from tests import messy
from tests.commune import TARGETS_ABOVE_START, clean_rosters, write_plan

# What a household row holds once read; file, sheet and Excel row differ between layouts.
CONTENT = [
    "hamlet", "ma_ho", "chu_ho", "nam_sinh", "gioi_tinh", "dan_toc", "so_dinh_danh", "nhan_khau",
    "phan_loai", "thu_nhap", "td_01", "td_02", "td_03", "td_04", "td_05", "td_06", "td_07",
    "td_08", "td_09", "td_10", "td_11", "td_12", "n_deprived", "nguyen_nhan", "doi_tuong",
    "nhu_cau", "ghi_chu", "valid",
]  # fmt: skip
# The warnings a messy set may raise, and nothing else: no error, no other warning.
# (and the small commune's plan, whose targets are above its start rates, as the clean set's)
EXPECTED_WARNINGS = {"missing-info-sheet", "unknown-column", TARGETS_ABOVE_START}


def _households(result):
    frame = result.households[CONTENT].sort_values("ma_ho").reset_index(drop=True)
    return frame.astype(object).where(frame.notna(), None)


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    folder = tmp_path_factory.mktemp("clean")
    write_plan(folder)
    clean_rosters(folder)
    result, _ = collect(folder, None)
    return result


@pytest.mark.parametrize("name", list(messy.MESSY_SETS))
def test_messy_set_reads_exactly_like_the_clean_one(tmp_path, clean, name):
    write_plan(tmp_path)
    for build in messy.MESSY_SETS[name]:
        build(tmp_path)
    result, _ = collect(tmp_path, None)
    assert result.summary["hamlets"] == clean.summary["hamlets"]
    assert result.summary["totals"] == clean.summary["totals"]
    assert _households(result).equals(_households(clean))
    assert all(i.severity == "warning" for i in result.issues), [
        (i.code, i.file, i.cell) for i in result.issues
    ]
    assert {i.code for i in result.issues} <= EXPECTED_WARNINGS


def test_file_level_notes_of_the_messy_files(tmp_path):
    write_plan(tmp_path)
    messy.na_mon_split_sections(tmp_path)
    messy.ban_co_no_info(tmp_path)
    result, _ = collect(tmp_path, None)
    subs = {s.file: s for s in result.submissions}
    na_mon, ban_co = subs["NaMon.xlsx"], subs["BanCo.xlsm"]
    # Nà Mòn: roster sheet 'DS' before 'Thông tin', labels in B and values in C.
    assert (na_mon.sheet, na_mon.hamlet_raw, na_mon.total_households) == ("DS", "XÓM NÀ MÒN", 102)
    # Bản Cọ: no 'Thông tin'; the hidden sheet 'Cu' (an old copy of the list) is never read.
    assert ban_co.sheet == "Sheet1"
    assert (ban_co.hamlet, ban_co.period, ban_co.total_households) == ("Bản Cọ", "2024-05", 200)
    assert ban_co.extra["hamlet_from"] == "title" and ban_co.extra["period_from"] == "title"
    notes = {(i.code, i.file, i.column, i.cell) for i in result.issues}
    # Each column nobody asked for is noted once, at its header cell; 'Ghi chú 2' is not 'Ghi chú'.
    assert ("unknown-column", "BanCo.xlsm", "Số điện thoại", "G7") in notes
    assert ("unknown-column", "BanCo.xlsm", "Ghi chú 2", "AB7") in notes
    assert sum(1 for i in result.issues if i.code == "unknown-column") == 2
    assert [i.code for i in result.issues if i.file == "NaMon.xlsx"] == []
    missing = [i for i in result.issues if i.code == "missing-info-sheet"]
    assert [i.file for i in missing] == ["BanCo.xlsm"] and "kế hoạch" in missing[0].detail


def test_no_info_sheet_takes_the_total_from_the_plan(tmp_path, clean):
    """Without 'Thông tin' the household total is the plan's start-of-year total (warning):
    Nà Mòn's roster says 102 but the plan 100, so only the rates move."""
    write_plan(tmp_path)
    messy.ban_co_no_info(tmp_path, "NaMon.xlsx", households=messy.na_mon_households(),
                         title=(messy.TITLE_NA_MON,))  # fmt: skip
    messy.ban_co_inline_info(tmp_path)
    result, _ = collect(tmp_path, None)
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    before = {h["hamlet"]: h for h in clean.summary["hamlets"]}
    na_mon = by["Nà Mòn"]
    assert na_mon["households"] == 100
    assert na_mon["poor_rate"] == pytest.approx(3 / 100 * 100)
    for key in ("poor", "near_poor", "movements", "deprivations", "start_households"):
        assert na_mon[key] == before["Nà Mòn"][key], key
    assert by["Bản Cọ"] == before["Bản Cọ"]
    warning = next(i for i in result.issues if i.code == "missing-info-sheet")
    assert warning.file == "NaMon.xlsx" and warning.hamlet == "Nà Mòn"
    assert "Nà Mòn" in warning.detail and "05/2024" in warning.detail


def test_the_committed_xls_fixture_is_the_three_row_layout():
    from pipeline.read import open_workbook

    book = open_workbook(messy.XLS_FIXTURE)
    assert book.sheet_names == ["DS", "Thông tin"]
    assert (2, 2, 2, 4) in book.merges("DS")  # 'Thông tin chủ hộ' over three columns


def test_poor_and_near_poor_in_separate_sheets(tmp_path):
    from pipeline.discover import inspect_file

    placed = messy.na_mon_two_sheets(tmp_path)
    sub, issues, _ = inspect_file(tmp_path / "NaMon_2sheets.xlsx", "NaMon_2sheets.xlsx")
    assert issues == [] and sub.sheet == "Hộ nghèo"
    tables = {sheet: [r.values["ma_ho"] for r in rows] for sheet, _, rows in sub.extra["tables"]}
    # Last month's copy in the visible sheet 'T4' shares every Mã hộ: it is not read.
    assert tables == {"Hộ nghèo": ["NM1", "NM3", "NM5", "NM6"], "Hộ cận nghèo": ["NM2", "NM4"]}
    assert sub.rows_read == 6
    rows = {r.values["ma_ho"]: r.excel_row for _, _, table in sub.extra["tables"] for r in table}
    assert rows == placed.rows


def test_split_class_and_income_columns_read_the_end_class_and_the_income_per_person(tmp_path):
    """'Phân loại hộ' merged over 'Đầu kỳ | Cuối kỳ', 'Thu nhập (đồng)' over 'Tổng thu nhập
    của hộ (đồng/năm) | Bình quân (đồng/người/tháng)': the class at the end of the period and
    the income per person and month are read (the first of each was). NM1 poor at the start,
    near-poor now; NM2 new, poor now (its 'Đầu kỳ' blank); NM3 poor both times."""
    write_plan(tmp_path)
    sheet = messy.SheetSpec("Danh sách")
    heads = ["STT", "Mã hộ", "Họ và tên chủ hộ", "Năm sinh", "Số nhân khẩu"]
    for col, text in enumerate(heads):
        sheet.merge(0, col, 1, col, text)
    sheet.merge(0, 5, 0, 6, "Thu nhập (đồng)")
    sheet.put(1, 5, "Tổng thu nhập của hộ (đồng/năm)")
    sheet.put(1, 6, "Bình quân (đồng/người/tháng)")
    sheet.merge(0, 7, 0, 8, "Phân loại hộ")
    sheet.put(1, 7, "Đầu kỳ")
    sheet.put(1, 8, "Cuối kỳ")
    rows = [
        (1, "NM1", "Lò Văn Một", 1970, 4, 72_000_000, 1_500_000, "Hộ nghèo", "Hộ cận nghèo"),
        (2, "NM2", "Lò Văn Hai", 1982, 3, 27_000_000, 750_000, None, "Hộ nghèo"),
        (3, "NM3", "Lò Văn Ba", 1990, 5, 36_000_000, 600_000, "Hộ nghèo", "Hộ nghèo"),
    ]
    result = _na_mon_with(tmp_path, sheet, rows)
    by = {h["hamlet"]: h for h in result.summary["hamlets"]}
    assert (by["Nà Mòn"]["status"], by["Nà Mòn"]["poor"], by["Nà Mòn"]["near_poor"]) == (
        "ok",
        2,
        1,
    )
    read = result.households.set_index("ma_ho")
    assert read.loc[["NM1", "NM2", "NM3"], "phan_loai"].tolist() == [
        "near_poor",
        "poor",
        "poor",
    ]
    assert read.loc[["NM1", "NM2", "NM3"], "thu_nhap"].tolist() == [1_500_000, 750_000, 600_000]
    assert not [i for i in result.issues if i.severity == "error"]


def test_rows_typed_in_tcvn3_pasted_under_a_unicode_header_are_decoded(tmp_path):
    """Nà Mòn's template (Unicode header, no legacy font anywhere) with three rows pasted from
    an old TCVN3 file: 'Hé nghÌo', 'Hoµng V¨n Mét' are read as 'Hộ nghèo', 'Hoàng Văn Một';
    the Unicode header and the Unicode rows are left as they are."""
    import openpyxl

    from pipeline.legacy import encode
    from tests.commune import person, write_roster

    write_plan(tmp_path)
    path = write_roster(tmp_path, "NaMon.xlsx", "Nà Mòn", 102, [
        person("NM1", "poor", chu_ho="Hoàng Văn Một"), person("NM4", "near_poor"),
        person("NM5", "poor", chu_ho="Lương Thị Năm"), person("NM6", "poor"),
        person("NM3", "exited", dan_toc="Nùng"),
    ])  # fmt: skip
    book = openpyxl.load_workbook(path)
    ws = book["Danh sách"]
    heads = {ws.cell(4, c).value: c for c in range(1, ws.max_column + 1)}
    for row in (5, 7, 9):  # NM1, NM5, NM3: pasted from the TCVN3 file
        for head in ("Họ và tên chủ hộ", "Phân loại hộ", "Dân tộc"):
            cell = ws.cell(row, heads[head])
            cell.value = encode(cell.value, "tcvn3")
    assert ws.cell(5, heads["Phân loại hộ"]).value == "Hé nghÌo"
    assert (ws.cell(5, heads["Dân tộc"]).value, ws.cell(9, heads["Phân loại hộ"]).value) == (
        "Tµy",
        "Tho¸t",
    )
    book.save(path)
    result, _ = collect(tmp_path, None)
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 3, 1)
    # short words decoded too, as the list's vocabularies spell them: 'Tµy', 'Nïng', 'Tho¸t'
    read = result.households.set_index("ma_ho")
    assert read.loc[["NM1", "NM3"], "dan_toc"].tolist() == ["Tày", "Nùng"]
    assert read.loc["NM3", "phan_loai"] == "exited"
    names = dict(zip(result.households["ma_ho"], result.households["chu_ho"], strict=True))
    assert (names["NM1"], names["NM5"], names["NM4"]) == (
        "Hoàng Văn Một",
        "Lương Thị Năm",
        "Hoàng Văn NM4",
    )
    assert "legacy-text-decoded" in {i.code for i in result.issues}


def _birth_year_by_sex_sheet():
    """'Danh sách' with a two-row header: 'Năm sinh' merged over 'Nam | Nữ' (D, E)."""
    sheet = messy.SheetSpec("Danh sách")
    for col, text in enumerate(["STT", "Mã hộ", "Họ và tên chủ hộ"]):
        sheet.merge(0, col, 1, col, text)
    sheet.merge(0, 3, 0, 4, "Năm sinh")
    sheet.put(1, 3, "Nam")
    sheet.put(1, 4, "Nữ")
    sheet.merge(0, 5, 1, 5, "Số nhân khẩu")
    sheet.merge(0, 6, 1, 6, "Phân loại hộ")
    return sheet


def test_a_birth_year_split_into_nam_and_nu_gives_the_year_and_the_sex(tmp_path):
    """'Năm sinh' merged over 'Nam | Nữ' (no 'Giới tính' column), the year written under the
    head's sex: NM1 (man, 1970), NM4 (woman, 1982), NM5 (woman, 1990) read with their years and
    sexes; the 'Nữ' column is no unknown column."""
    write_plan(tmp_path)
    sheet = _birth_year_by_sex_sheet()
    rows = [
        (1, "NM1", "Lò Văn Một", 1970, None, 4, "Hộ nghèo"),
        (2, "NM4", "Lò Thị Bốn", None, 1982, 3, "Hộ cận nghèo"),
        (3, "NM5", "Lò Thị Năm", None, 1990, 5, "Hộ nghèo"),
    ]
    result = _na_mon_with(tmp_path, sheet, rows)
    read = result.households.set_index("ma_ho").loc[["NM1", "NM4", "NM5"]]
    assert read["nam_sinh"].tolist() == [1970, 1982, 1990]
    assert read["gioi_tinh"].tolist() == ["Nam", "Nữ", "Nữ"]
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    assert not [i for i in result.issues if i.code == "unknown-column"]


def test_a_wrong_year_in_the_nu_column_is_pointed_at_there(tmp_path):
    """The 'Năm sinh | Nam | Nữ' layout above, rows from Excel row 3: NM1 (man) written 1870 in
    D3, NM4 (woman) 2090 in E4, NM5 (woman) 1990 in E5. The two wrong years are said at D3 and
    E4, each under its own header (the 'Nữ' year used to be pointed at D4, a blank cell)."""
    write_plan(tmp_path)
    sheet = _birth_year_by_sex_sheet()
    rows = [
        (1, "NM1", "Lò Văn Một", 1870, None, 4, "Hộ nghèo"),
        (2, "NM4", "Lò Thị Bốn", None, 2090, 3, "Hộ cận nghèo"),
        (3, "NM5", "Lò Thị Năm", None, 1990, 5, "Hộ nghèo"),
    ]
    result = _na_mon_with(tmp_path, sheet, rows)
    said = sorted(
        (i.cell, i.row, i.value) for i in result.issues if i.column.startswith("Năm sinh")
    )
    assert [(cell, row) for cell, row, _ in said] == [("D3", 3), ("E4", 4)]
    assert [str(value) for _, _, value in said] == ["1870", "2090"]


def test_a_second_list_sheet_lacking_a_column_refuses_the_file_not_its_households(tmp_path):
    """Poor households on one sheet, near-poor on 'Hộ cận nghèo', whose 'Số nhân khẩu' column
    is missing: the file is refused for it (missing-column on that sheet), as before; the
    near-poor households are not silently dropped (only a sheet of households that left, named
    so, is left out with a warning)."""
    import openpyxl

    write_plan(tmp_path)
    messy.na_mon_two_sheets(tmp_path)
    path = tmp_path / "NaMon_2sheets.xlsx"
    book = openpyxl.load_workbook(path)
    ws = book["Hộ cận nghèo"]
    header_row = next(r for r in range(1, 12) if any(
        c.value == "Số nhân khẩu" for c in ws[r]))  # fmt: skip
    col = next(c.column for c in ws[header_row] if c.value == "Số nhân khẩu")
    ws.delete_cols(col)
    book.save(path)
    messy.ban_co_inline_info(tmp_path)  # another hamlet, counted
    result, _ = collect(tmp_path, None)
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert na_mon["status"] == "rejected"
    missing = [(i.sheet, i.column) for i in result.issues if i.code == "missing-column"]
    assert missing == [("Hộ cận nghèo", "Số nhân khẩu")]
    assert not [i for i in result.issues if i.code == "sheet-not-read"]


def _na_mon_with(folder, sheet, rows):
    """Nà Mòn's roster of May 2024 (102 households): ``sheet``, a two-row header, with
    ``rows`` from its third row; the commune's result."""
    for r, row in enumerate(rows, start=2):
        for col, value in enumerate(row):
            if value is not None:
                sheet.put(r, col, value)
    info = messy.info_sheet(messy.info_values("Nà Mòn", "05/2024", 102))
    messy.write_book(folder / "NaMon.xlsx", [info, sheet])
    return collect(folder, None)[0]
