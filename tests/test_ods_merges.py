"""Merged cells in .ods files (pipeline.odsmerge): calamine reports none for ods, so a merged
header parent and a value merged down over household rows were read as for a file without
merges. They are read from the file's content.xml and used as for xlsx."""

from __future__ import annotations

import itertools
import zipfile
from pathlib import Path

import openpyxl
import pytest

from pipeline import odsmerge
from pipeline.publish import publish
from pipeline.read import find_header, open_workbook
from pipeline.run import collect
from schemas.columns import ROSTER_COLUMNS
from tests import messy
from tests.commune import person, write_plan

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def ods(path: Path, tables: str, head: str = "", *, ns: str = NS) -> Path:
    """An .ods whose spreadsheet body is ``tables`` (content.xml written as LibreOffice does:
    XML declaration, one root declaring the namespaces)."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{head}'
        f'<office:document-content {ns} office:version="1.3">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", messy.ODS_MANIFEST, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def text_cell(text: str) -> str:
    return (
        f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
    )


def span(text: str, rows: int, cols: int) -> str:
    return (
        f'<table:table-cell table:number-columns-spanned="{cols}" '
        f'table:number-rows-spanned="{rows}" office:value-type="string">'
        f"<text:p>{text}</text:p></table:table-cell>"
    )


EMPTY = '<table:table-cell table:number-columns-repeated="{n}"/>'
_COVERED = '<table:covered-table-cell table:number-columns-repeated="{n}"/>'
_ROW = "<table:table-row>{}</table:table-row>"

# Two sheets as LibreOffice writes them (empty cells and rows repeated, covered cells after
# each spanned one, a sheet's last row repeated to the million-th):
#   'Tiêu đề & <1>': A1:C1 merged ('Tiêu đề'); one empty row element repeated twice (rows
#       2-3); B4:B5 merged ('x'), after an empty A4.
#   'DS': row 1 plain; C2:D4 merged ('Gộp', 'c' in E2 after the covered D2); one row element
#       repeated twice ('z' in A5 and A6); F7:F9 merged ('y'), after one empty cell repeated
#       over A7:E7; G7 spanned 1×1 ('one'): no merge.
LIBREOFFICE_TABLES = (
    '<table:table table:name="Tiêu đề &amp; &lt;1&gt;" table:style-name="ta1">'
    '<table:table-column table:number-columns-repeated="3"/>'
    + _ROW.format(span("Tiêu đề", 1, 3) + _COVERED.format(n=2) + EMPTY.format(n=16381))
    + '<table:table-row table:number-rows-repeated="2">' + EMPTY.format(n=16384) + "</table:table-row>"
    + _ROW.format(EMPTY.format(n=1) + span("x", 2, 1) + EMPTY.format(n=16382))
    + _ROW.format(EMPTY.format(n=1) + "<table:covered-table-cell/>" + EMPTY.format(n=16382))
    + '<table:table-row table:number-rows-repeated="1048571">'
    + EMPTY.format(n=16384) + "</table:table-row></table:table>"
    '<table:table table:name="DS">'
    + _ROW.format(text_cell("a") + text_cell("b"))
    + _ROW.format(EMPTY.format(n=2) + span("Gộp", 3, 2) + _COVERED.format(n=1) + text_cell("c"))
    + _ROW.format(EMPTY.format(n=2) + _COVERED.format(n=2))
    + _ROW.format(EMPTY.format(n=2) + _COVERED.format(n=2))
    + '<table:table-row table:number-rows-repeated="2">' + text_cell("z") + "</table:table-row>"
    + _ROW.format(EMPTY.format(n=5) + span("y", 3, 1) + span("one", 1, 1))
    + _ROW.format(EMPTY.format(n=5) + _COVERED.format(n=1))
    + _ROW.format(EMPTY.format(n=5) + _COVERED.format(n=1))
    + "</table:table>"
)  # fmt: skip
LIBREOFFICE_MERGES = {
    "Tiêu đề & <1>": [(0, 0, 0, 2), (3, 1, 4, 1)],
    "DS": [(1, 2, 3, 3), (6, 5, 8, 5)],
}


def test_merges_are_read_from_the_ods_content_as_libreoffice_writes_it(tmp_path):
    """The spans of both sheets, placed by counting the repeated rows and cells (worked out
    by hand in LIBREOFFICE_TABLES' comment), by the sheet's name as written (XML escapes
    read); the 1×1 span is no merge."""
    path = ods(tmp_path / "x.ods", LIBREOFFICE_TABLES)
    with zipfile.ZipFile(path) as package:
        assert odsmerge.scan(package)[0] == LIBREOFFICE_MERGES


@pytest.mark.parametrize("chunk", [1, 7, 64, 333])
def test_merges_are_the_same_whatever_the_chunks_the_content_is_read_in(
    tmp_path, monkeypatch, chunk
):
    """Tags, rows and the namespace declaration cut anywhere between two chunks."""
    monkeypatch.setattr(odsmerge, "_CHUNK", chunk)
    path = ods(tmp_path / "x.ods", LIBREOFFICE_TABLES)
    with zipfile.ZipFile(path) as package:
        assert odsmerge.scan(package)[0] == LIBREOFFICE_MERGES


def test_the_reader_gives_the_ods_merges_within_the_sheet_read(tmp_path):
    """Workbook.merges of an .ods: the ranges above, cut to the cells calamine read (up to the
    last value): 'Tiêu đề & <1>' reads A1:B4 (its last value 'x' in B4), so A1:C1 is A1:B1
    and B4:B5 one cell, no merge; 'DS' reads A1:G7 ('one' in G7): C2:D4 whole, F7:F9 cut to
    one cell."""
    book = open_workbook(ods(tmp_path / "x.ods", LIBREOFFICE_TABLES))
    assert book.grid("DS")[1][2:5] == ["Gộp", "", "c"] and book.grid("DS")[6][5] == "y"
    assert book.merges("Tiêu đề & <1>") == [(0, 0, 0, 1)]
    assert book.merges("DS") == [(1, 2, 3, 3)]


def test_the_table_namespace_is_read_under_the_prefix_the_file_declares(tmp_path):
    """The same sheets written with 't:' for the table namespace: the same merges."""
    tables = LIBREOFFICE_TABLES.replace("table:", "t:")
    ns = NS.replace("xmlns:table=", "xmlns:t=")
    with zipfile.ZipFile(ods(tmp_path / "x.ods", tables, ns=ns)) as package:
        assert odsmerge.scan(package)[0] == LIBREOFFICE_MERGES


@pytest.mark.parametrize(
    "case",
    ["doctype", "comment", "nested-table", "bad-count", "zero-span", "no-prefix", "no-content"],
)
def test_an_ods_whose_merges_cannot_be_made_out_reads_without_merges(tmp_path, case):
    """What the byte patterns could misread (a DTD, a comment holding a row, a table in a
    cell, the table namespace as the default one), a count that is no count, no content.xml:
    no merges at all, as before merges were read (never a crash)."""
    tables, head, ns = LIBREOFFICE_TABLES, "", NS
    if case == "doctype":
        head = '<!DOCTYPE x [<!ENTITY a "aaaa">]>'
    elif case == "comment":  # read as a row, it would put 'Gộp' in row 3
        tables = tables.replace(
            "</table:table-row>", "</table:table-row><!-- <table:table-row/> -->", 5
        )
    elif case == "nested-table":
        tables = tables.replace(
            "<text:p>a</text:p>", '<table:table table:name="in"><table:table-row/></table:table>'
        )
    elif case == "bad-count":
        tables = tables.replace('number-rows-spanned="3"', 'number-rows-spanned="3x"', 1)
    elif case == "zero-span":
        tables = tables.replace('number-rows-spanned="3"', 'number-rows-spanned="0"', 1)
    elif case == "no-prefix":
        tables = tables.replace("table:", "")
        ns = NS.replace("xmlns:table=", "xmlns=")
    path = ods(tmp_path / "x.ods", tables, head, ns=ns)
    if case == "no-content":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    with zipfile.ZipFile(path) as package:
        assert odsmerge.scan(package)[0] == {}


def test_a_class_split_by_time_in_an_ods_reads_the_column_of_now(tmp_path):
    """'Phân loại hộ' merged over 'Cuối năm 2023 | Tháng 5/2024' (E1:F1) in an .ods: the
    column of now (F) is the class, as for an .xlsx; without the merge 'Tháng 5/2024' named
    no column and the file had no class column."""
    sheet = messy.SheetSpec("DS")
    for col, text in enumerate(["STT", "Mã hộ", "Họ và tên chủ hộ", "Số nhân khẩu"]):
        sheet.merge(0, col, 1, col, text)
    sheet.merge(0, 4, 0, 5, "Phân loại hộ")
    sheet.put(1, 4, "Cuối năm 2023")
    sheet.put(1, 5, "Tháng 5/2024")
    for col, value in enumerate([1, "NM1", "Lò Văn Một", 3, "Hộ nghèo", "Hộ cận nghèo"]):
        sheet.put(2, col, value)
    book = open_workbook(messy.write_book(tmp_path / "x.ods", [sheet]))
    header = find_header(book.grid("DS"), ROSTER_COLUMNS, book.merges("DS"))
    assert header.columns["phan_loai"][0] == 5
    # session 23: the earlier time is not read and no unknown column either
    assert [col for col, _ in header.earlier] == [4] and header.unknown == []


def ban_co_ods(folder: Path, households: list[dict]) -> tuple[messy.SheetSpec, messy.Placed]:
    """Bản Cọ's May list as an .ods: a title merged over the columns, a two-row header with
    'Thông tin chủ hộ' and the indicators' parent merged over their columns (the other
    headers merged down over both rows), and 'Phân loại hộ' merged down over each run of
    households of one class (the value in the run's first row only)."""
    placed = messy.Placed()
    layout = messy.Layout(
        title=("DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM BẢN CỌ THÁNG 5/2024",), header_rows=2
    )
    sheet = messy.roster_sheet(households, layout, messy.Typing(), placed)
    col = openpyxl.utils.column_index_from_string(placed.cols["phan_loai"]) - 1
    for _, run in itertools.groupby(households, key=lambda hh: hh["phan_loai"]):
        rows = [placed.rows[hh["ma_ho"]] - 1 for hh in run]
        if len(rows) > 1:
            sheet.merges.append((rows[0], col, rows[-1], col))
            for r in rows[1:]:
                sheet.rows[r][col] = None
    info = messy.info_sheet(messy.info_values("Bản Cọ", "5/2024", 200))
    messy.write_book(folder / "BanCo_05.ods", [info, sheet])
    return sheet, placed


BAN_CO = [
    *(person(f"BC{i}", "poor") for i in range(1, 5)),
    *(person(f"BC{i}", "near_poor") for i in range(5, 8)),
]


def ban_co_ods_income(folder: Path, cell: str) -> Path:
    """Bản Cọ's May list as an .ods (:func:`_ban_co_ods`: BC1, BC2 poor, BC3 near-poor in rows
    5 to 7, the income in J), BC3's income cell J7 replaced by ``cell`` (the cell's XML as
    LibreOffice writes it: a formula, an empty text). Its path."""
    from tests.commune import person

    rows = [person("BC1", "poor"), person("BC2", "poor"),
            person("BC3", "near_poor", thu_nhap="TN")]  # fmt: skip
    _, placed = ban_co_ods(folder, rows)
    assert (placed.cols["thu_nhap"], placed.rows["BC3"]) == ("J", 7)
    path = folder / "BanCo_05.ods"
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    content = parts["content.xml"].decode()
    placeholder = (
        '<table:table-cell office:value-type="string"><text:p>TN</text:p></table:table-cell>'
    )
    assert content.count(placeholder) == 1
    parts["content.xml"] = content.replace(placeholder, cell).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def test_a_class_merged_down_in_an_ods_counts_for_each_household(tmp_path):
    """BC1-BC4 'Hộ nghèo' merged down over I5:I8, BC5-BC7 'Hộ cận nghèo' over I9:I11 (title
    in row 1, a blank row, the header in rows 3-4): Bản Cọ counts 4 poor and 3 near-poor,
    every household read with its class, no error. Before, only BC1 and BC5 had a class:
    1 poor and 1 near-poor, and five rows said 'Phân loại hộ' was left blank."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    sheet, placed = ban_co_ods(folder, BAN_CO)
    assert placed.cols["phan_loai"] == "I"
    assert [placed.rows[f"BC{i}"] for i in (1, 4, 5, 7)] == [5, 8, 9, 11]
    assert [m for m in sheet.merges if m[0] >= 4] == [(4, 8, 7, 8), (8, 8, 10, 8)]
    result, _ = collect(folder, None)
    ban_co = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Bản Cọ")
    assert (ban_co["status"], ban_co["poor"], ban_co["near_poor"]) == ("ok", 4, 3)
    read = result.households.set_index("ma_ho")
    assert read.loc[[f"BC{i}" for i in range(1, 8)], "phan_loai"].tolist() == [
        "poor", "poor", "poor", "poor", "near_poor", "near_poor", "near_poor",
    ]  # fmt: skip
    assert not [(i.code, i.cell) for i in result.issues if i.severity == "error"]


def test_the_feedback_copy_of_an_ods_keeps_its_merges(tmp_path):
    """Bản Cọ's .ods with BC2's size typed 'bốn': the copy in its feedback workbook merges the
    ranges the file merges (title, header parents, headers merged down, the classes merged
    down), the bad cell marked; before, the copy of an .ods merged nothing."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    households = messy.with_changes(BAN_CO, BC2={"nhan_khau": "bốn"})
    sheet, placed = ban_co_ods(folder, households)
    wanted = {
        f"{openpyxl.utils.get_column_letter(c1 + 1)}{r1 + 1}:"
        f"{openpyxl.utils.get_column_letter(c2 + 1)}{r2 + 1}"
        for r1, c1, r2, c2 in sheet.merges
    }
    assert {"I5:I8", "I9:I11"} <= wanted and len(wanted) >= 10
    result, _ = collect(folder, None)
    publish(result, tmp_path / "output")
    copy = openpyxl.load_workbook(
        tmp_path / "output" / "2024-05" / "PhanHoi" / "Bản Cọ_2024-05.xlsx"
    )
    ws = copy["Danh sách"]
    # Printed two pages across from column Q (session 26: P; session 55 measured the header's
    # columns by their bold letters, narrower): the title ends on the first page, the parent
    # over the indicators goes on as a range of its own.
    assert [b.id for b in ws.col_breaks.brk] == [16]
    assert {"A1:Z1", "K3:V3"} <= wanted
    cut = {"A1:Z1": {"A1:P1"}, "K3:V3": {"K3:P3", "Q3:V3"}}
    assert {str(r) for r in ws.merged_cells.ranges} == set().union(
        *(cut.get(r, {r}) for r in wanted)
    )
    assert (ws["I5"].value, ws["I9"].value) == ("Hộ nghèo", "Hộ cận nghèo")
    bad = placed.cell("BC2", "nhan_khau")
    assert ws[bad].value == "bốn" and ws[bad].fill.fgColor.rgb == "FFFFC7CE"
