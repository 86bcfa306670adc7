"""Session 20: a list exported "to Excel" as a web page (HTML) or as Excel 2003 XML under an
.xls name is read as Excel shows it (pipeline.markup; docs/decisions.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline import markup
from pipeline.checkfiles import check_files
from pipeline.read import ReadError, open_workbook
from pipeline.run import collect, execute
from tests.commune import clean_rosters, write_plan
from tests.markup import html_from_xlsx, mhtml, text_from_xlsx, xml2003_from_xlsx
from tests.test_feedback import guide_rows
from tests.test_hidden_rows import HIDDEN_BY_HAND, hidden_told, na_mon_counts, write_na_mon_hidden
from tests.test_legacy_roster import to_legacy
from tests.test_xls_errors import EXPECTED_ROWS, ROW_ERRORS, file_said, with_errors
from tests.test_xls_errors import na_mon as _na_mon_figures


def _commune(folder: Path, as_what: str, errors: dict | None = None) -> str:
    """tests.commune's plan and May lists (Nà Mòn: NM1, NM5, NM6 poor, NM2, NM4 near-poor, NM3
    exited, 102 households; Bản Cọ), Nà Mòn's as ``as_what``; the name of its file."""
    folder.mkdir(parents=True, exist_ok=True)
    write_plan(folder)
    clean_rosters(folder)
    source = with_errors(folder, errors) if errors else folder / "NaMon.xlsx"
    if as_what == "xlsx":
        return source.name
    target = folder / "NaMon.xls"
    if as_what == "xml":
        xml2003_from_xlsx(source, target, errors=errors)
    elif as_what == "mhtml":
        page = html_from_xlsx(source, target).read_text(encoding="utf-8")
        target.write_bytes(mhtml([("file:///C:/Xuat/NaMon.htm", page)]))
    elif as_what.startswith("text"):
        _, separator, encoding = as_what.split("-", 2)
        text_from_xlsx(source, target, {"tab": "\t", "semicolon": ";"}[separator], encoding)
    else:
        cp1258 = as_what == "html-cp1258"
        html_from_xlsx(source, target, "cp1258" if cp1258 else "utf-8", meta=not cp1258)
    source.unlink()
    return target.name


def _na_mon_households(result) -> list[tuple]:
    rows = result.households[result.households["hamlet"] == "Nà Mòn"]
    return sorted(zip(rows["ma_ho"], rows["chu_ho"], rows["phan_loai"], strict=True))


@pytest.mark.parametrize(
    "as_what",
    [
        "html",
        "html-cp1258",
        "mhtml",
        "xml",
        "text-tab-utf-16",
        "text-semicolon-utf-8",
        "text-tab-cp1258",
    ],  # fmt: skip
)
def test_a_list_exported_as_a_web_page_or_xml_is_counted_as_its_xlsx(tmp_path, as_what):
    """Nà Mòn's list as a web page (UTF-8 with its charset, or Windows-1258 without one, as
    older Vietnamese programs wrote it: tones as combining marks; or in a web archive, Excel's
    "Single File Web Page", quoted-printable), as Excel 2003 XML, or as
    separated text (Excel's "Unicode Text": tab-separated UTF-16; a web application's
    semicolon-separated UTF-8; tab-separated Windows-1258), named .xls: read as the xlsx is. By hand from tests.commune: poor NM1, NM5, NM6 = 3, near-poor
    NM2, NM4 = 2, of 102 households (its 'Thông tin': in the web page and the text the block
    above the list on the one sheet); nothing said of it, by a run or by `check`. It used to
    be refused ("Đây là trang web (HTML) hoặc tệp XML …", "Đây là tệp văn bản (CSV, TXT) …
    không phải bảng tính Excel thật")."""
    file = _commune(tmp_path / as_what, as_what)
    result, _ = collect(tmp_path / as_what, None)
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (hamlet["status"], hamlet["poor"], hamlet["near_poor"], hamlet["households"]) == (
        "ok", 3, 2, 102
    )  # fmt: skip
    assert _na_mon_households(result) == [
        ("NM1", "Hoàng Văn NM1", "poor"), ("NM2", "Hoàng Văn NM2", "near_poor"),
        ("NM3", "Hoàng Văn NM3", "exited"), ("NM4", "Hoàng Văn NM4", "near_poor"),
        ("NM5", "Hoàng Văn NM5", "poor"), ("NM6", "Hoàng Văn NM6", "poor"),
    ]  # fmt: skip
    assert [i for i in result.issues if i.file == file] == []
    assert [i for i in check_files([tmp_path / as_what]) if i.file == file] == []


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_a_web_page_typed_in_a_legacy_vietnamese_font_is_decoded(tmp_path, encoding):
    """An old program's page in Windows-1252 (named in a <meta> after 10 KB of <style>) whose
    text was typed in TCVN3 (.VnTime) or VNI:
    decoded by the sheet's text, as a workbook's (a page names no cell's font): the same
    3 poor and 2 near-poor of 102, NM1's head 'Hoàng Văn NM1', and the decoding said once."""
    folder = tmp_path / encoding
    _commune(folder, "xlsx")
    to_legacy(folder / "NaMon.xlsx", encoding, None)
    page = html_from_xlsx(folder / "NaMon.xlsx", folder / "NaMon.xls", "windows-1252")
    (folder / "NaMon.xlsx").unlink()
    # a long <style> before the <meta> naming the encoding, as some exports write their head
    style = b"<style>" + b".xl65 {mso-number-format:General; border:.5pt solid}\n" * 200
    page.write_bytes(page.read_bytes().replace(b"<head>", b"<head>" + style + b"</style>", 1))
    result, _ = collect(folder, None)
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (hamlet["poor"], hamlet["near_poor"], hamlet["households"]) == (3, 2, 102)
    assert ("NM1", "Hoàng Văn NM1", "poor") in _na_mon_households(result)
    assert [i.code for i in result.issues if i.file == "NaMon.xls"] == ["legacy-text-decoded"]


def test_an_xml_list_s_error_cells_are_said_as_the_xlsx_s(tmp_path):
    """Excel 2003 XML keeps a cell's error as an Error value: '#REF!' in NM2's 'Mã hộ' (B6),
    '#DIV/0!' in NM3's class (I7), '#N/A' in NM4's income (J8), '#REF!' in 'Xóm' (Thông tin
    B3) are said at their cells as in the xlsx (tests.test_xls_errors): NM1, NM5, NM6 poor
    and NM4 near-poor (without its income: a warning) counted, NM2, NM3 left out (2 rows),
    the hamlet taken from the title."""
    file = _commune(tmp_path, "xml", ROW_ERRORS)
    result, _ = collect(tmp_path, None)
    assert file_said(result.issues, file) == EXPECTED_ROWS
    assert file_said(check_files([tmp_path]), file) == EXPECTED_ROWS
    assert _na_mon_figures(result) == ("ok", 3, 1, 2)


# tests.test_hidden_rows' Nà Mòn list ('DS': rows 10-12 NM1, NM5, NM6 poor, 15-16 NM2, NM4
# near-poor, 19 NM3 exited), its rows 9, 11-13, 16, 19, 22, 24 hidden
HIDDEN = {9, 11, 12, 13, 16, 19, 22, 24}


def _hidden_na_mon(folder: Path, write) -> tuple:
    """That list with :data:`HIDDEN` hidden, written by ``write(xlsx, target)`` as its .xls,
    run: (poor, near-poor) and the rows-hidden warnings."""
    xlsx = write_na_mon_hidden(folder, ".xlsx", {})
    write(xlsx, xlsx.with_suffix(".xls"))
    xlsx.unlink()
    result, _, _ = execute(folder, folder.with_name(folder.name + "-ra"), "2024-05")
    return na_mon_counts(result), [i for i in result.issues if i.code == "rows-hidden"]


def test_hidden_rows_of_an_xml_list_are_counted_and_told_as_the_xlsx_s(tmp_path):
    """The list as Excel 2003 XML, :data:`HIDDEN` with ss:Hidden: counted as any other (poor
    3, near-poor 2) and told once, at B11, naming 11–12 and 16, as for the xlsx; under an
    AutoFilter, as a filter."""
    counts, told = _hidden_na_mon(
        tmp_path / "tay", lambda x, t: xml2003_from_xlsx(x, t, hidden_rows={"DS": HIDDEN})
    )
    assert counts == (3, 2)
    assert hidden_told(told) == [("DS", 11, "B11", "Mã hộ", "các dòng 11–12, 16", "", "warning")]
    assert told[0].message() == HIDDEN_BY_HAND

    counts, told = _hidden_na_mon(
        tmp_path / "loc", lambda x, t: xml2003_from_xlsx(x, t, {}, {"DS": HIDDEN}, {"DS"})
    )
    assert (counts, [i.variant for i in told]) == ((3, 2), ["filter"])

    # the AutoFilter's arrows only (no AutoFilterColumn: nothing filtered, as Excel writes
    # it): the rows were hidden by hand, said so, as an xlsx's <autoFilter> without a
    # <filterColumn>; it was said as a filter's, the head told to clear a filter there is not
    counts, told = _hidden_na_mon(
        tmp_path / "mui-ten",
        lambda x, t: xml2003_from_xlsx(x, t, {}, {"DS": HIDDEN}, arrows={"DS"}),
    )
    assert counts == (3, 2)
    assert hidden_told(told) == [("DS", 11, "B11", "Mã hộ", "các dòng 11–12, 16", "", "warning")]
    assert told[0].message() == HIDDEN_BY_HAND


def test_hidden_rows_of_a_web_page_are_counted_and_told(tmp_path):
    """The list as a web page, :data:`HIDDEN` written hidden as Excel writes them (``<tr
    style='display:none'>``). On the page's one sheet 'NaMon', 'DS' comes after its name's
    row: its row r is row r + 1. Counted as any other (poor 3, near-poor 2), told once at B12
    (NM5), naming 12–13 and 17."""
    counts, told = _hidden_na_mon(
        tmp_path / "vao", lambda x, t: html_from_xlsx(x, t, hidden_rows={"DS": HIDDEN})
    )
    assert counts == (3, 2)
    assert hidden_told(told) == [("NaMon", 12, "B12", "Mã hộ", "các dòng 12–13, 17", "", "warning")]


def test_an_xml_filter_hides_the_rows_of_its_range_only():
    """A filter on R4:R8 (header row 4) hides rows 5-8; a row hidden above its header or below
    its range is hidden by hand: runs 2 (by hand), 5-6 (filter), 10 (by hand), 0-based."""
    hide = ' ss:Hidden="1"'
    rows = "".join(
        f'<Row ss:Index="{r}"{hide if r in (2, 5, 6, 10) else ""}>'
        f'<Cell><Data ss:Type="Number">{r}</Data></Cell></Row>'
        for r in range(1, 11)
    )
    data = (
        f'<Workbook xmlns="{markup.SPREADSHEET_NS}" xmlns:ss="{markup.SPREADSHEET_NS}" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel"><Worksheet ss:Name="DS"><Table>'
        f'{rows}</Table><AutoFilter x:Range="R4C1:R8C3"><AutoFilterColumn x:Index="1" '
        'x:Type="Custom"><AutoFilterCondition x:Operator="Equals" x:Value="1"/>'
        "</AutoFilterColumn></AutoFilter></Worksheet></Workbook>"
    ).encode()
    [(_, sheet, _)] = markup._read_xml2003(data)
    assert sheet.hidden_rows == [(1, 1, False), (4, 5, True), (9, 9, False)]


def test_a_worksheet_begun_inside_a_cell_takes_nothing_of_it():
    """A broken XML file (found by fuzzing): a worksheet opened inside another's cell, then a
    value. The value belongs to no cell of the new sheet (the sheet it broke is lost); it
    raised IndexError."""
    data = (
        f'<Workbook xmlns="{markup.SPREADSHEET_NS}" xmlns:ss="{markup.SPREADSHEET_NS}">'
        '<Worksheet ss:Name="A"><Table><Row><Cell><Worksheet ss:Name="B"><Table>'
        '<Data ss:Type="String">x</Data></Table></Worksheet></Cell></Row></Table>'
        "</Worksheet></Workbook>"
    ).encode()
    sheets = markup._read_xml2003(data)
    assert [(name, sheet.to_python()) for name, sheet, _ in sheets] == [("B", [])]


def test_the_feedback_of_a_web_page_list_points_at_its_one_sheet(tmp_path):
    """A web page shows one sheet, named after the file: 'NaMon'. Its rows as Excel shows
    them: 1 'Thông tin' (the heading), 2-8 the block, 9 'Danh sách', then the list's rows: NM2's
    class left empty (I6 of the xlsx's 'Danh sách') is said at I15 of the one sheet, as it
    would be of the xlsx (invalid-classification), and so in the feedback's guide."""
    folder = tmp_path / "vao"
    _commune(folder, "xlsx")
    book = load_workbook(folder / "NaMon.xlsx")
    book["Danh sách"]["I6"] = None  # NM2's 'Phân loại hộ'
    book.save(folder / "NaMon.xlsx")
    html_from_xlsx(folder / "NaMon.xlsx", folder / "NaMon.xls")
    (folder / "NaMon.xlsx").unlink()

    result, _, _ = execute(folder, tmp_path / "ra", "2024-05")

    said = [(i.code, i.sheet, i.cell) for i in result.issues if i.file == "NaMon.xls"]
    # 8 rows of 'Thông tin' with its heading, 'Danh sách' row 9: the list's row 6 is row 15
    assert said == [("invalid-classification", "NaMon", "I15")]
    feedback = load_workbook(next((tmp_path / "ra" / "2024-05" / "PhanHoi").glob("*.xlsx")))
    assert [(r["Trang"], r["Ô"]) for r in guide_rows(feedback)] == [("NaMon", "I15")]
    assert (feedback["NaMon"]["B15"].value, feedback["NaMon"]["A9"].value) == ("NM2", "Danh sách")


def test_markup_that_is_no_list_is_said_as_before(tmp_path):
    """A web page with no table (a login page saved as .xls) and an XML workbook declaring an
    entity (a 'billion laughs', refused before anything expands) are unreadable, the first
    explained as a web page."""
    page = tmp_path / "DS_NaMon_2024-05.xls"
    page.write_text("<html><body><p>Phiên đăng nhập đã hết hạn</p></body></html>")
    with pytest.raises(ReadError) as raised:
        open_workbook(page)
    assert raised.value.code == "file-unreadable"
    bomb = tmp_path / "bomb.xls"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        f'<Workbook xmlns="{markup.SPREADSHEET_NS}"><Worksheet ss:Name="A" '
        f'xmlns:ss="{markup.SPREADSHEET_NS}"><Table><Row><Cell><Data ss:Type="String">&b;'
        "</Data></Cell></Row></Table></Worksheet></Workbook>"
    )
    with pytest.raises(ReadError) as raised:
        open_workbook(bomb)
    assert raised.value.code == "file-unreadable"
    # said in words, not markup's "XML: an entity declaration" (session 57, H3)
    assert (str(raised.value.detail), raised.value.detail.en) == (
        "tệp XML tự khai báo thực thể ('<!ENTITY'), điều Excel không làm: không đọc để giữ an "
        "toàn cho máy",
        "the XML file declares its own entities ('<!ENTITY'), which Excel does not: not read, to "
        "keep the computer safe",
    )


def test_spans_and_rows_are_bounded(tmp_path):
    """A span reaching past Excel's last column or row is cut there and refused only when the
    sheet itself reaches too far: a rowspan of 99,999,999 under one row is a merge of that row;
    a colspan of 20,000 reaches past XFD: too many columns."""
    tall = tmp_path / "tall.xls"
    tall.write_text("<table><tr><td rowspan=99999999>a</td><td>b</td></tr></table>")
    book = markup.open_markup(tall)
    sheet = book.get_sheet_by_name("tall")
    assert sheet.to_python() == [["a", "b"]]
    assert sheet.merged_cell_ranges == []
    wide = tmp_path / "wide.xls"
    wide.write_text("<table><tr><td>a</td><td colspan=20000>b</td><td>c</td></tr></table>")
    with pytest.raises(markup.MarkupError) as raised:
        markup.open_markup(wide)
    assert (raised.value.size, raised.value.far, raised.value.sheet) == (
        (1, 16_385),
        "XFE1",
        "wide",
    )


def test_a_web_page_s_cells_as_excel_lays_them_out(tmp_path):
    """A title in <h2> is a row in column A; rowspan and colspan leave the cells they cover
    empty and are merges; <br> is a line break, '&nbsp;' and runs of spaces one space; text in
    <style> and <script> is no cell; a table inside a cell gives its text to the cell."""
    page = tmp_path / "DS Nà Mòn [T5].xls"
    page.write_text(
        "<html><head><style>td{color:red}</style><script>var x=1;</script></head><body>"
        "<h2>DANH SÁCH   HỘ&nbsp;NGHÈO</h2>"
        "<table><tr><th rowspan=2>STT</th><th colspan=2>Phân loại hộ</th></tr>"
        "<tr><th>Hộ nghèo</th><th>Hộ cận<br>nghèo</th></tr>"
        "<tr><td>1</td><td>x</td><td><table><tr><td>a</td><td>b</td></tr></table></td></tr>"
        "</table><p>Người lập</p></body></html>",
        encoding="utf-8",
    )
    book = markup.open_markup(page)
    assert book.sheet_names == ["DS Nà Mòn _T5_"]
    sheet = book.get_sheet_by_name("DS Nà Mòn _T5_")
    assert sheet.to_python() == [
        ["DANH SÁCH HỘ NGHÈO", "", ""],
        ["STT", "Phân loại hộ", ""],
        ["", "Hộ nghèo", "Hộ cận\nnghèo"],
        ["1", "x", "a b"],
        ["Người lập", "", ""],
    ]
    assert sheet.merged_cell_ranges == [((1, 0), (2, 0)), ((1, 1), (1, 2))]


def test_a_head_left_open_does_not_hide_the_page(tmp_path):
    """A generated page that never closes its <head>: its body is read."""
    page = tmp_path / "p.xls"
    page.write_text("<html><head><title>DS</title><meta charset=utf-8><body><table><tr><td>1</td>")
    assert markup.open_markup(page).get_sheet_by_name("p").to_python() == [["1"]]


def test_a_rowspan_at_a_row_s_end_covers_the_rows_below(tmp_path):
    """A cell merged down in the last column ('Ghi chú' over two header rows): the row below
    ends before it, and is read without it; the merge is kept."""
    page = tmp_path / "p.xls"
    page.write_text(
        "<table><tr><td>STT</td><td rowspan=2>Ghi chú</td></tr><tr><td>1</td></tr>"
        "<tr><td>2</td><td>x</td></tr></table>"
    )
    sheet = markup.open_markup(page).get_sheet_by_name("p")
    assert sheet.to_python() == [["STT", "Ghi chú"], ["1", ""], ["2", "x"]]
    assert sheet.merged_cell_ranges == [((0, 1), (1, 1))]


def test_a_header_whose_last_columns_span_two_rows_is_read(tmp_path):
    """A government export's two-row header: 'Phân loại hộ' over 'Hộ nghèo | Hộ cận nghèo', every
    other column (the last, 'Ghi chú', too) spanning both rows, so the second header row ends in
    cells covered from above. It was refused ("object of type 'NoneType' has no len()")."""
    page = tmp_path / "DS_NaMon_2024-04.xls"
    page.write_text(
        "<table><tr><th rowspan=2>STT</th><th rowspan=2>Mã hộ</th><th colspan=2>Phân loại hộ</th>"
        "<th rowspan=2>Ghi chú</th></tr><tr><th>Hộ nghèo</th><th>Hộ cận nghèo</th></tr>"
        "<tr><td>1</td><td>NM1</td><td>x</td><td></td><td>mới</td></tr></table>",
        encoding="utf-8",
    )
    sheet = markup.open_markup(page).get_sheet_by_name("DS_NaMon_2024-04")
    assert sheet.to_python() == [
        ["STT", "Mã hộ", "Phân loại hộ", "", "Ghi chú"],
        ["", "", "Hộ nghèo", "Hộ cận nghèo", ""],
        ["1", "NM1", "x", "", "mới"],
    ]
    assert sheet.merged_cell_ranges == [
        ((0, 0), (1, 0)),
        ((0, 1), (1, 1)),
        ((0, 2), (0, 3)),
        ((0, 4), (1, 4)),
    ]


def test_rows_an_xml_row_spans_are_rows(tmp_path):
    """``<Row ss:Span="1"/>`` is that blank row and one more (Excel writes a run of blank rows of
    one height so): the row after it, with no ``ss:Index``, is two rows down, so the header
    and a '#REF!' under it are at the rows Excel shows (the header at row 4, the error at B5),
    not two rows up."""
    book = tmp_path / "DS_NaMon_2024-04.xls"
    book.write_text(
        f'<?xml version="1.0"?><Workbook xmlns="{markup.SPREADSHEET_NS}" '
        f'xmlns:ss="{markup.SPREADSHEET_NS}"><Worksheet ss:Name="Danh sách"><Table>'
        '<Row><Cell><Data ss:Type="String">DANH SÁCH</Data></Cell></Row>'
        '<Row ss:AutoFitHeight="0" ss:Span="1"/>'
        '<Row><Cell><Data ss:Type="String">STT</Data></Cell>'
        '<Cell><Data ss:Type="String">Mã hộ</Data></Cell></Row>'
        '<Row><Cell><Data ss:Type="Number">1</Data></Cell>'
        '<Cell ss:Formula="=#REF!"><Data ss:Type="Error">#REF!</Data></Cell></Row>'
        '<Row ss:Index="7" ss:Span="2"/><Row><Cell><Data ss:Type="String">Người lập</Data>'
        "</Cell></Row></Table></Worksheet></Workbook>",
        encoding="utf-8",
    )
    sheet = markup.open_markup(book).get_sheet_by_name("Danh sách")
    assert sheet.to_python() == [
        ["DANH SÁCH", ""],
        ["", ""],
        ["", ""],
        ["STT", "Mã hộ"],
        [1, ""],
        ["", ""],
        ["", ""],
        ["", ""],
        ["", ""],
        ["Người lập", ""],
    ]
    assert sheet.errors == {(4, 1): "#REF!"}


def test_a_web_page_s_sheet_is_named_as_its_export_names_it(tmp_path):
    """An export names the sheet Excel shows in a conditional comment (``x:Name``): that
    name, not the file's."""
    page = tmp_path / "export.xls"
    page.write_text(
        "<html><head><!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets>"
        "<x:ExcelWorksheet><x:Name>Danh sách T5.2024</x:Name></x:ExcelWorksheet>"
        "</x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]--></head>"
        "<body><table><tr><td>1</td></tr></table></body></html>",
        encoding="utf-8",
    )
    assert markup.open_markup(page).sheet_names == ["Danh sách T5.2024"]


def test_a_web_archive_of_several_sheets_names_them_as_its_workbook_page(tmp_path):
    """Excel's "Single File Web Page" of a two-sheet workbook: a frameset page naming each
    sheet's part (``<x:Name>`` beside ``<x:WorksheetSource HRef=…>``), then the parts. Each
    part with a table is a sheet named so; the frameset page is none."""
    workbook_page = (
        "<html><head><!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets>"
        "<x:ExcelWorksheet><x:Name>Thông tin</x:Name><x:WorksheetSource "
        'HRef="DS_files/sheet001.htm"/></x:ExcelWorksheet><x:ExcelWorksheet>'
        '<x:Name>Danh sách</x:Name><x:WorksheetSource HRef="DS_files/sheet002.htm"/>'
        "</x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->"
        '</head><frameset rows="*,39"><frame src="DS_files/sheet001.htm"></frameset></html>'
    )
    archive = tmp_path / "DS.xls"
    archive.write_bytes(
        mhtml([
            ("file:///C:/Xuat/DS.htm", workbook_page),
            ("file:///C:/Xuat/DS_files/sheet001.htm", "<table><tr><td>Xóm</td><td>Nà Mòn</td></tr></table>"),
            ("file:///C:/Xuat/DS_files/sheet002.htm", "<table><tr><td>STT</td><td>Mã hộ</td></tr></table>"),
        ])
    )  # fmt: skip
    book = markup.open_markup(archive)
    assert book.sheet_names == ["Thông tin", "Danh sách"]
    assert book.get_sheet_by_name("Thông tin").to_python() == [["Xóm", "Nà Mòn"]]
    assert book.get_sheet_by_name("Danh sách").to_python() == [["STT", "Mã hộ"]]
    empty = tmp_path / "rong.xls"
    empty.write_bytes(mhtml([("file:///C:/x.htm", "<html><body>Không có bảng</body></html>")]))
    with pytest.raises(markup.MarkupError) as refused:
        markup.open_markup(empty)
    assert str(refused.value) == "a web archive with no table"  # not some other parse failure


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b'\xef\xbb\xbf<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        (f'<?xml version="1.0"?>\n<Workbook xmlns="{markup.SPREADSHEET_NS}">'.encode(), "xml2003"),
        ("<html><body><table>".encode("utf-16"), "html"),
        (b"\r\n  <TABLE border=1><TR><TD>1", "html"),
        (b'<?xml version="1.0"?><svg></svg>', None),
        (b"STT,Ma ho\n1,NM1", None),
        (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="x"', "mhtml"),
    ],
)
def test_markup_is_told_from_its_first_bytes(head, kind):
    assert markup.kind_of(head) == kind


def test_text_that_reads_as_no_table_is_still_refused(tmp_path):
    """Separated text is a sheet only when its lines share the separator: a note of two lines
    without one, or one line with it, is refused as the text file it is (the officer told
    what it is, discover.unreadable_kind); a table of tab-separated lines is one sheet named
    after the file, a quoted field keeping its separator and line break."""
    note = tmp_path / "ghi-chu.xls"
    note.write_text("Danh sách xóm Đồng Kè\nĐã gửi qua Zalo\n", encoding="utf-8")
    one = tmp_path / "mot-dong.xls"
    one.write_text("STT\tMã hộ\n", encoding="utf-8")
    for path in (note, one):
        with pytest.raises(ReadError) as raised:
            open_workbook(path)
        assert raised.value.code == "file-unreadable"
    table = tmp_path / "bang.xls"
    table.write_text('STT\tMã hộ\tGhi chú\r\n1\tNM1\t"a\tb\nc"\r\n2\tNM2\r\n', encoding="utf-8")
    book = open_workbook(table)
    assert book.sheet_names == ["bang"]
    assert book.grid("bang") == [
        ["STT", "Mã hộ", "Ghi chú"],
        ["1", "NM1", "a\tb\nc"],
        ["2", "NM2", ""],
    ]


def test_a_text_export_with_its_information_lines_above_a_short_list_is_read(tmp_path):
    """Session 21 (found by the metamorphic fuzzer). A web application's tab-separated export
    of Nà Mòn's six households, above them a title and seven 'Xóm: Nà Mòn' lines (one field
    each), below them two signature lines: 8 of the 17 lines hold no tab. It was refused as
    a text file named .xls ("four in five of the lines" must split); the share is now taken
    over the table's lines only (first tab to last), so it is read, and counted as the xlsx
    is: by hand from tests.commune, poor NM1, NM5, NM6 = 3, near-poor NM2, NM4 = 2, of 102."""
    from tests.messy import DEFAULT_HEADERS, TEMPLATE_ORDER, na_mon_households

    folder = tmp_path / "in"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    (folder / "NaMon.xlsx").unlink()
    lines = [
        "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO",
        "Loại biểu: Danh sách hộ", "Xã: Trung Lương", "Xóm: Nà Mòn", "Kỳ báo cáo: 05/2024",
        "Tổng số hộ dân cư: 102", "Người lập: Lường Thị Mai", "Ngày lập: 03/06/2024",
        "\t".join(DEFAULT_HEADERS[key] for key in TEMPLATE_ORDER),
    ]  # fmt: skip
    for stt, household in enumerate(na_mon_households(), start=1):
        cells = {**household, "stt": stt}
        lines.append("\t".join(
            "x" if cells.get(k) is True else "" if cells.get(k) in (None, False) else str(cells[k])
            for k in TEMPLATE_ORDER
        ))  # fmt: skip
    lines += ["Người lập biểu", "Lường Thị Mai"]
    (folder / "NaMon.xls").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    result, _ = collect(folder, None)
    hamlet = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (hamlet["status"], hamlet["poor"], hamlet["near_poor"], hamlet["households"]) == (
        "ok", 3, 2, 102
    )  # fmt: skip
    assert [h[0] for h in _na_mon_households(result)] == [f"NM{i}" for i in range(1, 7)]
    assert [(i.code, i.severity) for i in result.issues if i.file == "NaMon.xls"] == []
