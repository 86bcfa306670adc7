"""Session 19: household rows a hamlet head hid (by hand or by a filter) are counted, and said
once per sheet, at the first hidden household's 'Mã hộ' (docs/decisions.md)."""

from __future__ import annotations

import zipfile

from pipeline import odsmerge, sheetscan
from tests.test_ods_merges import _EMPTY, _ods, _p

# --- the scans, on the XML as programs write it ------------------------------------------


def _sheet_xml(rows: str, after: str = "", before: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet '
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{before}<sheetData>{rows}</sheetData>{after}</worksheet>"
    ).encode()


def _row(attrs: str, r: int | None = None) -> str:
    where = f' r="{r}"' if r else ""
    ref = f' r="A{r}"' if r else ""
    return f'<row{where} {attrs}><c{ref} t="inlineStr"><is><t>x</t></is></c></row>'


def _hidden(data: bytes) -> list[tuple[int, int, bool]]:
    return sheetscan.look(data, 25_000, 10_000_000).hidden_rows


def test_the_xlsx_scan_finds_rows_hidden_as_excel_and_libreoffice_write_them():
    """Rows 2-3 hidden="1" (Excel), 5 hidden="true" (LibreOffice, which writes hidden="false"
    on the others), 7 of height 0 and 8 of height 0.0 (a row dragged shut); 9 of height 0.75
    is shown; a hidden column's <col hidden="1"> hides no row; zeroHeight hides only rows not
    written, which hold nothing."""
    rows = "".join([
        _row('hidden="false" ht="12.8"', 1), _row('hidden="1"', 2), _row('hidden="1"', 3),
        _row('hidden="false"', 4), _row('ht="12.8" hidden="true"', 5), _row("", 6),
        _row('ht="0" customHeight="1"', 7), _row('ht="0.0" customHeight="1"', 8),
        _row('ht="0.75" customHeight="1"', 9),
    ])  # fmt: skip
    before = '<sheetFormatPr defaultRowHeight="15" zeroHeight="1"/><cols><col min="2" max="2" hidden="1"/></cols>'
    assert _hidden(_sheet_xml(rows, before=before)) == [(1, 2, False), (4, 4, False), (6, 7, False)]
    # nothing hidden: no run, and none for hidden="false" on every row
    assert _hidden(_sheet_xml(_row('hidden="false"', 1) + _row("", 2))) == []
    # rows that do not say their number are counted
    unnumbered = _row("") + _row('hidden="1"') + _row("") + _row('hidden="1"')
    assert _hidden(_sheet_xml(unnumbered)) == [(1, 1, False), (3, 3, False)]


def test_the_xlsx_scan_tells_rows_a_filter_hides_from_rows_hidden_by_hand():
    """A filter on A4:C8 (a column filtered): hidden rows 6 and 7 under its header are its
    doing, row 10 (below its range) is not; the same range with no column filtered (arrows
    only) filters nothing."""
    rows = "".join(_row('hidden="1"' if r in (6, 7, 10) else "", r) for r in range(1, 11))
    applied = (
        '<autoFilter ref="A4:C8"><filterColumn colId="2"><filters><filter val="Hộ nghèo"/>'
        "</filters></filterColumn></autoFilter>"
    )
    assert _hidden(_sheet_xml(rows, applied)) == [(5, 6, True), (9, 9, False)]
    assert _hidden(_sheet_xml(rows, '<autoFilter ref="A4:C8"/>')) == [(5, 6, False), (9, 9, False)]


def test_the_ods_scan_finds_hidden_rows_counted_through_repeats_and_keeps_merges(tmp_path):
    """'DS', its first column hidden (no row hidden for it): row 1 shown; rows 2-3 one row
    element repeated twice, hidden by hand; row 4 filtered out, holding a merge; rows 5 onward,
    the sheet's last row repeated to the million-th, hidden: noted as one run. The merge is
    read as before."""
    tables = (
        '<table:table table:name="DS">'
        '<table:table-column table:visibility="collapse"/><table:table-column/>'
        + "<table:table-row>" + _p("a") + _p("b") + "</table:table-row>"
        + '<table:table-row table:number-rows-repeated="2" table:visibility="collapse">'
        + _p("z") + "</table:table-row>"
        + '<table:table-row table:visibility="filter">'
        + '<table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="1">'
        + "<text:p>g</text:p></table:table-cell><table:covered-table-cell/></table:table-row>"
        + '<table:table-row table:number-rows-repeated="1048572" table:visibility="collapse">'
        + _EMPTY.format(n=2) + "</table:table-row></table:table>"
    )  # fmt: skip
    path = _ods(tmp_path / "x.ods", tables)
    with zipfile.ZipFile(path) as package:
        merges, hidden = odsmerge.scan(package)
    assert merges == {"DS": [(3, 0, 3, 1)]}
    assert hidden == {"DS": [(1, 2, False), (3, 3, True), (4, 1048575, False)]}
