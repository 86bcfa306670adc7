"""Session 20: marks typed with Insert > Symbol in a symbol font (docs/decisions.md).

Excel stores the letter the font draws as the mark: 'P' is ✓ in Wingdings 2, '£' its empty
box, 'R' ☑; 'ü' ✓ in Wingdings, 'a' ✓ in Webdings. Such a letter is read as its mark in a mark
cell (a deprivation, a class column) whose font is that one; in any other font, or any other
column, it stays the letter it is.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from pipeline import legacy, read
from pipeline.checkfiles import check_files
from pipeline.discover import inspect_file
from pipeline.run import collect, execute
from tests import messy
from tests.biff import xls_from_xlsx
from tests.commune import write_plan
from tests.test_class_marks import ban_co, marked_sheet, marks_said, write_na_mon
from tests.test_feedback_fixes import guide_rows

W2, WD, WB = "Wingdings 2", "Wingdings", "Webdings"
DEPRIVATIONS = ("Bảo hiểm y tế", "Nguồn nước sinh hoạt", "Nhà tiêu hợp vệ sinh")  # J, K, L

# From Excel row 5: STT, Mã hộ, name, year, size, F 'Hộ nghèo', G 'Hộ cận nghèo', H 'Thoát
# nghèo', I 'Ghi chú', J td_04, K td_09, L td_10; each mark with its font (None: Calibri).
ROWS = [
    # row 5, NM1: poor; deprived in J, K, L; a 'P' in Wingdings 2 in its note, kept as a 'P'
    (1, "NM1", "Lò Văn Một", 1970, 4, ("P", W2), None, None, ("P", W2),
     ("P", W2), ("P", W2), ("P", W2)),
    # 6, NM2: '£' (the font's empty box) in F and H: near-poor; deprived in J only
    (2, "NM2", "Lò Văn Hai", 1971, 3, ("£", W2), ("P", W2), ("£", W2), None,
     ("P", W2), ("£", W2), None),
    # 7, NM3: 'R' ☑ under 'Thoát nghèo': exited
    (3, "NM3", "Lò Văn Ba", 1972, 5, None, None, ("R", W2), None, None, None, None),
    # 8, NM4: near-poor; 'O' ✗ in L: deprived there
    (4, "NM4", "Lò Thị Bốn", 1973, 2, None, ("P", W2), None, None, None, None, ("O", W2)),
    # 9, NM5: poor by an 'x'; a 'P' in Calibri in J: a letter, said as today
    (5, "NM5", "Lò Văn Năm", 1974, 6, ("x", None), None, None, None, ("P", None), None, None),
    # 10, NM6: 'ü' in Wingdings and 'a' in Webdings, both ✓: marked twice
    (6, "NM6", "Lò Văn Sáu", 1975, 4, ("ü", WD), ("a", WB), None, None, None, None, None),
]  # fmt: skip


def _symbol_list(folder, name: str = "NaMon.xlsx"):
    sheet = marked_sheet()
    for col, text in enumerate(DEPRIVATIONS, start=9):
        sheet.merge(2, col, 3, col, text)
    rows = []
    for r, row in enumerate(ROWS, start=4):
        values = []
        for c, value in enumerate(row):
            if isinstance(value, tuple):
                value, font = value
                if font:
                    sheet.fonts[(r, c)] = font
            values.append(value)
        rows.append(values)
    return write_na_mon(folder, sheet, rows, 4, name)


def _deprived(frame, code: str) -> list[str]:
    row = frame.loc[code]
    return [key for key in ("td_04", "td_09", "td_10") if bool(row[key])]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods"])
def test_marks_in_wingdings_2_webdings_and_wingdings_are_read_by_the_cells_font(tmp_path, suffix):
    """By hand: poor NM1 = 1 (NM5's row has an error, NM6 two marks); near-poor NM2, NM4 = 2;
    NM3 exited. Deprived: NM1 in td_04, td_09, td_10 ('P' ✓ each); NM2 in td_04 only ('£' is
    the empty box: not deprived in td_09, and not marked under 'Hộ nghèo', 'Thoát nghèo'); NM4
    in td_10 ('O' ✗). NM5's 'P' in Calibri is a letter, said at J9 quoting 'P', as before;
    NM6's two marks are said quoting '✓', the mark the head sees, not 'ü'. The note 'P' in
    Wingdings 2 of NM1 is no mark cell: kept as written. Before this session every row was
    refused ('ghi 'P', không phải dấu đánh dấu')."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    ban_co(folder)
    path = _symbol_list(folder, "NaMon.ods" if suffix == ".ods" else "NaMon.xlsx")
    if suffix == ".xls":
        xls_from_xlsx(path, folder / "NaMon.xls")
        path.unlink()
        path = folder / "NaMon.xls"

    result = collect(folder, None, workers=0)[0]
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 1, 2)
    frame = result.households.set_index("ma_ho")
    assert frame.loc[["NM1", "NM2", "NM3", "NM4"], "phan_loai"].tolist() == [
        "poor", "near_poor", "exited", "near_poor",
    ]  # fmt: skip
    assert frame.loc[["NM1", "NM2", "NM3", "NM4"], "valid"].all()
    assert not frame.loc[["NM5", "NM6"], "valid"].any()
    assert _deprived(frame, "NM1") == ["td_04", "td_09", "td_10"]
    assert _deprived(frame, "NM2") == ["td_04"]
    assert _deprived(frame, "NM3") == []
    assert _deprived(frame, "NM4") == ["td_10"]
    assert frame.loc["NM1", "ghi_chu"] == "P"

    mine = [i for i in result.issues if i.file == path.name]
    codes = {i.code for i in mine}
    assert "all-rows-rejected" not in codes
    assert marks_said(mine) == [
        (10, "class-marks-several", "Danh sách", "F10", "Phân loại hộ", "✓",
         "F10 'Hộ nghèo', G10 'Hộ cận nghèo'"),
    ]  # fmt: skip
    letters = [(i.cell, i.value) for i in mine if i.code == "invalid-deprivation-mark"]
    assert letters == [("J9", "P")]
    assert not codes & {"invalid-class-mark", "class-marks-none"}

    # `giamngheo check` reads them the same
    checked = check_files([path, folder / "KeHoach_2024.xlsx"])
    assert marks_said(checked) == marks_said(mine)
    assert [(i.cell, i.value) for i in checked if i.code == "invalid-deprivation-mark"] == letters


def test_the_feedback_shows_the_mark_the_head_sees(tmp_path):
    """The feedback copies the list in a font of its own: a 'P' in Wingdings 2 is copied as
    '✓', '£' as '☐', so the copy looks as the head's list does; the guide quotes F10 as '✓'.
    A 'P' in Calibri (J9) stays 'P'."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan(folder)
    ban_co(folder)
    _symbol_list(folder)
    execute(folder, out, None)
    back = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    copy = back["Danh sách"]
    assert [copy[c].value for c in ("F5", "J5", "F6", "G6", "H6", "H7", "L8", "J9")] == [
        "✓", "✓", "☐", "✓", "☐", "☑", "✗", "P",
    ]  # fmt: skip
    assert copy["I5"].value == "✓"  # a copy shows what the head sees, in any column
    several = next(r for r in guide_rows(back) if r["Ô"] == "F10")
    assert several["Giá trị đã ghi"] == "✓"
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    assert next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")["poor"] == 1


def test_a_list_of_one_row_headers_marked_in_wingdings_2_is_read_as_marks(tmp_path):
    """'Hộ nghèo | Hộ cận nghèo' as columns of their own are read as the class only when the
    rows hold marks: 'P' in Wingdings 2 are marks, so the list is read (poor NM1, NM5 = 2;
    near-poor NM2 = 1; '£' in NM2's 'Hộ nghèo' is its empty box). Written in Calibri, the same
    letters are no marks: the list is refused for its missing class column, as before."""
    for font, read_so in ((W2, True), ("Calibri", False)):
        folder = tmp_path / font
        folder.mkdir()
        write_plan(folder)
        ban_co(folder)
        sheet = messy.SheetSpec("Danh sách")
        for col, text in enumerate(["STT", "Mã hộ", "Họ và tên chủ hộ", "Số nhân khẩu",
                                    "Hộ nghèo", "Hộ cận nghèo"]):  # fmt: skip
            sheet.put(0, col, text)
        rows = [
            (1, "NM1", "Lò Văn Một", 4, "P", None),
            (2, "NM2", "Lò Văn Hai", 3, "£", "P"),
            (3, "NM5", "Lò Văn Năm", 6, "P", None),
        ]
        for r, row in enumerate(rows, start=1):
            for c in (4, 5):
                if row[c] is not None:
                    sheet.fonts[(r, c)] = font
        write_na_mon(folder, sheet, rows, 1)
        result = collect(folder, None, workers=0)[0]
        na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
        if read_so:
            assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 2, 1)
        else:
            assert na_mon["status"] != "ok"
            assert "missing-column" in {i.code for i in result.issues if i.file == "NaMon.xlsx"}


def test_symbol_cells_and_the_fast_path(tmp_path):
    """legacy.symbol_cells names the cells in a symbol font (case and spaces of the name aside);
    a workbook whose styles name none is not read further (one byte search); a 'P' in Calibri
    beside them is no symbol cell. The mark each letter is read as: Workbook.symbols."""
    sheet = messy.SheetSpec("S")
    for c, (value, font) in enumerate([("P", "WingDings  2"), ("P", "Calibri"), ("£", W2),
                                       ("a", WB), ("o", WD), ("Z", W2)]):  # fmt: skip
        sheet.put(0, c, value)
        sheet.fonts[(0, c)] = font
    path = messy.write_book(tmp_path / "s.xlsx", [sheet])
    assert legacy.symbol_cells(path, "S") == {
        (0, 0): "wingdings 2", (0, 2): "wingdings 2", (0, 3): "webdings", (0, 4): "wingdings",
        (0, 5): "wingdings 2",
    }  # fmt: skip
    book = read.open_workbook(path)
    assert book.grid("S")[0] == ["P", "P", "£", "a", "o", "Z"]  # the grid is as written
    # 'Z' is no mark of Wingdings 2's: not read as one
    assert book.symbols["S"] == {(0, 0): "✓", (0, 2): "☐", (0, 3): "✓", (0, 4): "☐"}
    assert book.mark_grid("S", cols={0, 1})[0] == ["✓", "P", "£", "a", "o", "Z"]

    plain = messy.SheetSpec("S")
    plain.put(0, 0, "P")
    plain_path = messy.write_book(tmp_path / "plain.xlsx", [plain])
    assert not legacy._names_a_symbol_font(plain_path)
    assert legacy.symbol_cells(plain_path, "S") == {}
    assert read.open_workbook(plain_path).grid("S") and not read.open_workbook(plain_path).symbols


def test_an_ordinary_roster_is_not_looked_at_for_symbol_fonts(tmp_path, monkeypatch):
    """A list ticked with 'x' (no letter a symbol font draws as a mark alone in a cell) costs
    one set search: its fonts are never read."""
    from tests.commune import clean_rosters

    clean_rosters(tmp_path)
    monkeypatch.setattr(legacy, "symbol_cells", lambda *_: pytest.fail("fonts read"))
    paths = sorted(tmp_path.glob("*.xlsx"))
    assert [p.name for p in paths] == ["BanCo.xlsx", "NaMon.xlsx"]  # Đồng Kè sends none
    for path in paths:
        sub, _, _ = inspect_file(path, path.name)
        assert sub.kind == "roster"


# --- session 21: an .ods list (LibreOffice) ---------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"


def test_an_ods_saved_by_libreoffice_has_its_symbol_marks_read(tmp_path):
    """fixtures/NaMon_symbols_2024-05.ods is ROWS' list (_symbol_list) converted to .ods by
    LibreOffice 7.4 (fixtures/README.md): its cells name automatic styles ('ce3') whose font
    face 'Wingdings 2' has the family "'Wingdings 2'", some repeated across columns. Its
    symbol cells are the .xlsx's, and it is read as worked by hand for it: poor NM1 = 1,
    near-poor NM2, NM4 = 2, NM3 exited; NM6's two marks said quoting '✓'; the feedback's copy
    shows ✓, ☐, ☑, ✗ where the list has P, £, R, O in Wingdings 2, and J9's Calibri 'P'."""
    import shutil

    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    ban_co(folder)
    made = _symbol_list(tmp_path)
    saved = shutil.copy(FIXTURES / "NaMon_symbols_2024-05.ods", folder / "NaMon.ods")
    assert legacy.symbol_cells(Path(saved), "Danh sách") == legacy.symbol_cells(made, "Danh sách")
    result = execute(folder, tmp_path / "ra", None)[0]
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 1, 2)
    frame = result.households.set_index("ma_ho")
    assert frame.loc["NM3", "phan_loai"] == "exited"
    assert marks_said([i for i in result.issues if i.file == "NaMon.ods"]) == [
        (10, "class-marks-several", "Danh sách", "F10", "Phân loại hộ", "✓",
         "F10 'Hộ nghèo', G10 'Hộ cận nghèo'"),
    ]  # fmt: skip
    # the feedback's copy shows the marks the head sees, as for an .xlsx
    back = openpyxl.load_workbook(tmp_path / "ra" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    copy = back["Danh sách"]
    assert [copy[c].value for c in ("F5", "F6", "G6", "H7", "L8", "J9")] == [
        "✓", "☐", "✓", "☑", "✗", "P",
    ]  # fmt: skip


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)
_ODS_STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {_ODS_NS}><office:font-face-decls>
<style:font-face style:name="Hai" svg:font-family="&apos;Wingdings 2&apos;"/>
<style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;"/>
</office:font-face-decls><office:styles>
<style:default-style style:family="table-cell"><style:text-properties
 style:font-name="Liberation Sans"/></style:default-style>
<style:style style:name="Default" style:family="table-cell"/>
<style:style style:name="Dấu" style:family="table-cell" style:parent-style-name="Default">
<style:text-properties style:font-name="Hai"/></style:style>
</office:styles></office:document-styles>"""


def _p(text: str = "P") -> str:
    return f"<text:p>{text}</text:p>"


_ODS_CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {_ODS_NS}><office:font-face-decls>
<style:font-face style:name="Hai" svg:font-family="&apos;Wingdings 2&apos;"/>
<style:font-face style:name="WD" svg:font-family="Wingdings"/>
<style:font-face style:name="Calibri" svg:font-family="Calibri"/>
</office:font-face-decls><office:automatic-styles>
<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Dấu"/>
<style:style style:name="ce2" style:family="table-cell" style:parent-style-name="Default">
<style:text-properties style:font-name="Calibri"/></style:style>
<style:style style:name="ce3" style:family="table-cell" style:parent-style-name="Dấu">
<style:text-properties style:font-name="WD"/></style:style>
<style:style style:name="T1" style:family="text"><style:text-properties style:font-name="Hai"/>
</style:style>
</office:automatic-styles><office:body><office:spreadsheet>
<table:table table:name="Khác"><table:table-column/>
<table:table-row><table:table-cell table:style-name="ce1">{_p()}</table:table-cell>
</table:table-row></table:table>
<table:table table:name="DS">
<table:table-column/><table:table-column table:default-cell-style-name="ce1"/>
<table:table-column table:number-columns-repeated="8" table:default-cell-style-name="Default"/>
<table:table-row><table:table-cell>{_p()}</table:table-cell><table:table-cell>{_p()}</table:table-cell>
<table:table-cell table:style-name="ce3">{_p()}</table:table-cell>
<table:table-cell table:style-name="ce2">{_p()}</table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell table:style-name="ce1"
 table:number-columns-repeated="2">{_p()}</table:table-cell></table:table-row>
<table:table-row><table:table-cell table:style-name="ce1" table:number-columns-spanned="2"
 table:number-rows-spanned="1">{_p()}</table:table-cell>
<table:covered-table-cell>{_p()}</table:covered-table-cell>
<table:table-cell table:style-name="ce2">{_p('<text:span text:style-name="T1">P</text:span>')}
</table:table-cell>
<table:table-cell table:style-name="ce2">{_p('<text:span text:style-name="T1">P</text:span>a')}
</table:table-cell>
<table:table-cell table:style-name="ce1"><office:annotation>{_p("ghi chú")}</office:annotation>
{_p()}</table:table-cell>
<table:table-cell table:style-name="ce2"><office:annotation>{_p("P")}</office:annotation>
{_p("x")}</table:table-cell></table:table-row>
<table:table-row table:default-cell-style-name="ce3"><table:table-cell>{_p()}</table:table-cell>
</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"""


def test_an_ods_cells_font_is_its_style_or_its_rows_or_columns_or_its_spans(tmp_path):
    """By hand, sheet 'DS' of a hand-written .ods (styles.xml: the default cell font Liberation
    Sans, a named style 'Dấu' in the face 'Hai', family 'Wingdings 2'):
    row 1: A1 no style, its column none: the default font, no symbol; B1 no style, its column's
    ce1 (parent 'Dấu'): Wingdings 2; C1 ce3, its own face 'WD' over its parent's: Wingdings;
    D1 ce2 (Calibri): none. Rows 2-3 (one row repeated), A and B (one cell repeated): Wingdings
    2. Row 4: A4 ce1 spanning B4 (the covered cell's text is not read); C4 a Calibri cell
    whose only text is a span in T1 (Wingdings 2): Wingdings 2; D4 the same span and an 'a' in
    Calibri: mixed, none; E4 ce1 with a note (its text not the cell's): Wingdings 2; F4 a
    note's 'P' in a Calibri cell reading 'x': none. Row 5: no cell style, the row's default
    ce3: Wingdings. The sheet 'Khác' before it is not read into it. A package whose styles
    name no symbol font is not read (one byte search)."""
    import zipfile

    path = tmp_path / "s.ods"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("styles.xml", _ODS_STYLES)
        z.writestr("content.xml", _ODS_CONTENT)
    w2, wd = "wingdings 2", "wingdings"
    assert legacy.symbol_cells(path, "DS") == {
        (0, 1): w2, (0, 2): wd,
        (1, 0): w2, (1, 1): w2, (2, 0): w2, (2, 1): w2,
        (3, 0): w2, (3, 2): w2, (3, 4): w2,
        (4, 0): wd,
    }  # fmt: skip
    assert legacy.symbol_cells(path, "Khác") == {(0, 0): w2}
    plain = tmp_path / "plain.ods"
    with zipfile.ZipFile(plain, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", _ODS_CONTENT.replace("Wingdings", "Calibri"))
    assert not legacy._names_a_symbol_font(plain)
    assert legacy.symbol_cells(plain, "DS") == {}
