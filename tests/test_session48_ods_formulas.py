"""Session 48 (helper A): an .ods formula saved without a value (``table:formula`` on a cell
with no ``office:value``, nor any other value, nor text) is read as empty by calamine, as an
.xlsx's is; it was said nowhere. It is now noted by the .ods scan (pipeline.odsmerge.scan, its
fourth part) and said as an .xlsx's is ('formula-without-value' at its cell)."""

from __future__ import annotations

import zipfile

from tests.test_ods_merges import ods, text_cell

VALUELESS = '<table:table-cell table:formula="{}"/>'
_VALUED = (
    '<table:table-cell table:formula="of:=[.B1]+1" office:value-type="float" office:value="2" '
    'calcext:value-type="float"><text:p>2</text:p></table:table-cell>'
)
_TEXT = (
    '<table:table-cell table:formula="of:=&quot;a&quot;" office:value-type="string" '
    'office:string-value="a"><text:p>a</text:p></table:table-cell>'
)
# a string's text without its value (read by calamine), a number's shown without its value (not)
_SHOWN = (
    '<table:table-cell table:formula="of:=1&amp;1" office:value-type="string"><text:p>s</text:p>'
    '</table:table-cell><table:table-cell table:formula="of:=1+1"><text:p>2</text:p>'
    "</table:table-cell>"
)


def test_an_ods_scan_notes_the_formulas_saved_without_a_value(tmp_path):
    """A sheet 'DS': row 1 'Mã hộ', a formula with its value (2), one of text ('a'), one typed
    a string showing 's' without its value (calamine reads 's'), one showing '2' without a
    value or type (calamine reads it empty); row 2 a formula without a value in B
    ('of:=[.A1]+1'), then one over two columns from C; row 3 the same from C; row 5 '=Hoàng'
    typed after '=' in A. Noted at (0, 4), (1, 1), (1, 2), (1, 3), (2, 2), (2, 3) and (4, 0),
    0-based, as Excel writes them ('=1+1', '=A1+1', '=SUM(A1:A2)', '=Hoàng'); the formulas
    read not (fails before: nothing noted, no fourth part)."""
    from pipeline import odsmerge
    from pipeline.read import open_workbook

    rows = (
        f"<table:table-row>{text_cell('Mã hộ')}{_VALUED}{_TEXT}{_SHOWN}</table:table-row>"
        f"<table:table-row>{text_cell('x')}{VALUELESS.format('of:=[.A1]+1')}"
        '<table:table-cell table:formula="of:=SUM([.A1:.A2])" '
        'table:number-columns-repeated="2"/></table:table-row>'
        f"<table:table-row>{text_cell('y')}<table:table-cell/>"
        '<table:table-cell table:formula="of:=SUM([.A1:.A2])" '
        'table:number-columns-repeated="2"/></table:table-row>'
        f"<table:table-row>{text_cell('z')}</table:table-row>"
        f"<table:table-row>{VALUELESS.format('of:=Hoàng')}{text_cell('w')}</table:table-row>"
    )
    path = ods(tmp_path / "a.ods", f'<table:table table:name="DS">{rows}</table:table>')
    with zipfile.ZipFile(path) as package:
        merges, hidden, errors, formulas = odsmerge.scan(package)
    assert (merges, hidden, errors) == ({}, {}, {})
    expected = {(0, 4): "=1+1", (1, 1): "=A1+1", (1, 2): "=SUM(A1:A2)", (1, 3): "=SUM(A1:A2)",
                (2, 2): "=SUM(A1:A2)", (2, 3): "=SUM(A1:A2)", (4, 0): "=Hoàng"}  # fmt: skip
    assert formulas == {"DS": expected}
    book = open_workbook(path)
    assert book.grid("DS")[0] == ["Mã hộ", 2.0, "a", "s"]  # E1 read empty: no column E
    assert book.formulas == {"DS": expected}


def test_an_ods_lists_formulas_saved_without_a_value_are_said_at_their_cells(tmp_path):
    """Bản Cọ's May list as an .ods (tests.test_ods_merges: header in rows 3-4, BC1 to BC3 in
    rows 5 to 7): BC2's 'Số nhân khẩu' (H6) and BC3's income (J7) formulas without a value.
    Before, both read as empty: BC2 said "'Số nhân khẩu' đang để trống", BC3's income said
    nowhere (fails before). Now each is said as an .xlsx's formula without a value: H6
    'formula-without-value' (BC2 not counted), J7 'optional-formula-without-value' (BC3
    counted without its income); BC1 at 1,200,000."""
    from pipeline.run import collect
    from tests.commune import person, write_plan
    from tests.test_ods_merges import ban_co_ods

    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    rows = [person("BC1", "poor"), person("BC2", "poor", nhan_khau="NK"),
            person("BC3", "near_poor", thu_nhap="TN")]  # fmt: skip
    _, placed = ban_co_ods(folder, rows)
    assert (placed.cols["nhan_khau"], placed.cols["thu_nhap"]) == ("H", "J")
    assert (placed.rows["BC2"], placed.rows["BC3"]) == (6, 7)
    path = folder / "BanCo_05.ods"
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    content = parts["content.xml"].decode()
    for text, formula in (("NK", "of:=[.G6]*2"), ("TN", "of:=[.A1]+1")):
        cell = f'<table:table-cell office:value-type="string"><text:p>{text}</text:p>'
        cell += "</table:table-cell>"
        assert content.count(cell) == 1
        content = content.replace(cell, VALUELESS.format(formula))
    parts["content.xml"] = content.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    result, _ = collect(folder, None, workers=0)
    said = [(i.code, i.cell, i.value) for i in result.issues if i.hamlet == "Bản Cọ"
            and i.row in (6, 7)]  # fmt: skip
    assert said == [
        ("formula-without-value", "H6", ""),
        ("optional-formula-without-value", "J7", ""),
    ]
    said = {i.cell: i.message("vi") for i in result.issues if i.hamlet == "Bản Cọ"}
    assert said["H6"] == (
        "Ô H6 ('Số nhân khẩu') có công thức nhưng không có giá trị đã tính (tệp được lưu bằng "
        "chương trình khác Excel); hộ chưa được tính. Hãy mở tệp bằng Excel, nhấn Lưu rồi gửi "
        "lại."
    )
    households = result.households.set_index("ma_ho")
    assert households.loc[["BC1", "BC2", "BC3"], "valid"].tolist() == [True, False, True]
    assert households.loc[["BC1", "BC3"], "thu_nhap"].fillna(-1).tolist() == [1_200_000, -1]


def test_formulas_without_a_value_past_the_bound_leave_the_scan_whole(tmp_path):
    """A1:B1 merged, then a formula without a value repeated over 300 columns of 1,000 rows
    (300,000 cells, past odsmerge.MAX_MERGES): the formulas are left unnoted, the merge is
    kept (the scan is not refused, as it would be for so many error cells)."""
    from pipeline import odsmerge
    from tests.test_ods_merges import span

    rows = (
        f"<table:table-row>{span('Tiêu đề', 1, 2)}</table:table-row>"
        '<table:table-row table:number-rows-repeated="1000"><table:table-cell '
        'table:formula="of:=1" table:number-columns-repeated="300"/></table:table-row>'
    )
    assert 300 * 1000 > odsmerge.MAX_MERGES
    path = ods(tmp_path / "a.ods", f'<table:table table:name="DS">{rows}</table:table>')
    with zipfile.ZipFile(path) as package:
        merges, _, _, formulas = odsmerge.scan(package)
    assert (merges, formulas) == ({"DS": [(0, 0, 0, 1)]}, {})
