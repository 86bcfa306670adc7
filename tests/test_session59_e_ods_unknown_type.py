"""An .ods cell typed 'unknown' is read as the text it shows (session 59, E; the foreign corpus's
`tablib/unknown_value_type.ods`, left by session 58's corpus pass).

calamine reads a cell whose `office:value-type` is 'unknown' (no type of ODF's; tablib's test
file, a generator's) and that holds no value attribute as empty, its text dropped: such a file
was said "không có ô nào có dữ liệu" (file-empty), true of what was read, not of the file. Now
`odsmerge.scan_all` notes each such cell's text and `Workbook.grid` writes it in.
"""

from __future__ import annotations

import zipfile

import pytest

from pipeline.discover import inspect_file
from pipeline.opening import open_workbook
from pipeline.sheetscan import Package
from tests.test_foreign import CORPUS

_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
    'office:version="1.3"><office:body><office:spreadsheet><table:table table:name="Danh sách">'
)
_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _cell(kind: str, value: object) -> str:
    if kind == "s":
        return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    if kind == "f":
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    if kind == "u":  # as tablib's file writes it
        return (
            '<table:table-cell office:value-type="unknown" calcext:value-type="string">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    if kind == "uv":  # typed 'unknown' with a value: calamine reads the value
        return (
            f'<table:table-cell office:value-type="unknown" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return "<table:table-cell/>"


def _ods(path, rows: list[list[tuple[str, object]]]) -> None:
    body = "".join(
        "<table:table-row>" + "".join(_cell(k, v) for k, v in row) + "</table:table-row>"
        for row in rows
    )
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        package.writestr("META-INF/manifest.xml", _MANIFEST)
        package.writestr("content.xml", _HEAD + body + _TAIL)


def _grid(path) -> list[list[object]]:
    book = open_workbook(path, Package(path))
    return book.grid("Danh sách")


def test_cells_typed_unknown_are_read_as_their_text(tmp_path):
    """Row 1 'STT' | 'Mã hộ' | 'Họ và tên chủ hộ' (strings); row 2 1 | 'NM1' (unknown) |
    'Hoàng Văn A' (string); row 3 2 | 'NM2' (unknown) | 'Hoàng Văn B' (unknown); row 4 3 (typed
    unknown with its value 3: read by calamine as 3.0) | blank | 'x' (unknown). By hand: every
    text read where it is. Before: 'NM1', 'NM2', 'Hoàng Văn B' and 'x' were ''."""
    path = tmp_path / "list.ods"
    _ods(path, [
        [("s", "STT"), ("s", "Mã hộ"), ("s", "Họ và tên chủ hộ")],
        [("f", 1), ("u", "NM1"), ("s", "Hoàng Văn A")],
        [("f", 2), ("u", "NM2"), ("u", "Hoàng Văn B")],
        [("uv", 3), ("", None), ("u", "x")],
    ])  # fmt: skip
    grid = _grid(path)
    assert [row[:3] for row in grid] == [
        ["STT", "Mã hộ", "Họ và tên chủ hộ"],
        [1.0, "NM1", "Hoàng Văn A"],
        [2.0, "NM2", "Hoàng Văn B"],
        [3.0, "", "x"],
    ]


def test_a_sheet_holding_only_an_unknown_cell_is_no_longer_empty(tmp_path):
    """tablib's shape: one cell, A1 'abcd' typed unknown. By hand: grid [['abcd']]. Before:
    [] (nothing read), the file said file-empty."""
    path = tmp_path / "one.ods"
    _ods(path, [[("u", "abcd")]])
    assert _grid(path) == [["abcd"]]


def test_the_corpus_file_is_said_no_roster_not_empty():
    """`tablib/unknown_value_type.ods` read in place (GIAMNGHEO_FOREIGN_CORPUS): its 'abcd' read,
    the file said not-a-roster (a foreign file, skipped), not file-empty (before)."""
    path = CORPUS / "tablib" / "unknown_value_type.ods"
    if not path.is_file():
        pytest.skip("tablib/unknown_value_type.ods not in the corpus")
    _, issues, _ = inspect_file(path, "unknown_value_type.ods")
    assert [i.code for i in issues] == ["not-a-roster"]
