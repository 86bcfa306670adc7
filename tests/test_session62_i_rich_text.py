"""Session 62 (I): a text partly bold below the table keeps its bold words on the feedback copy
(session 61 F's Left).

* The head bolds 'Trưởng xóm' in 'Trưởng xóm Nguyễn Văn A' (the words selected in the cell's
  edit line): the copy wrote the whole text regular (one font a cell). Now its words are
  written as rich text, a font per fragment, the cell's format (centred, merged) kept.
* An .xls's rich text (BIFF's formatting runs of its shared string) and an .ods's
  ``text:span`` of a bold or italic text style were not read at all (their cells' fonts only):
  'Trưởng xóm' bold by its runs was regular. Now read, as an xlsx's.

Nà Mòn's template list (tests.commune), NM2's size 'bốn' so that a copy is written: it prints
two pages across, A:C repeated (session 60's tests of the block): 'Trưởng xóm' merged R13:X13,
'Người lập biểu' moved from B13:E13 to D13:G13.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from pipeline.run import execute
from tests.biff import sheets_of, xls_from_xlsx
from tests.commune import person, write_plan, write_roster
from tests.messy import SheetSpec, write_book
from tests.test_session23_rows import MAY
from tests.test_session60_r3_signature_alone import head_copy

HEAD = "Trưởng xóm Nguyễn Văn A"
COPY = Path("out") / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"


def _runs(tmp_path: Path, cell: str) -> list[tuple[str, bool, bool]]:
    """The copy's ``cell`` as (text, bold, italic) per fragment, a plain text one of its own in
    the cell's font."""
    ws = openpyxl.load_workbook(tmp_path / COPY, rich_text=True)["Danh sách"]
    value = ws[cell].value
    if not isinstance(value, CellRichText):
        return [(value, bool(ws[cell].font.b), bool(ws[cell].font.i))]
    return [
        (str(b), bool(b.font and b.font.b), bool(b.font and b.font.i))
        if isinstance(b, TextBlock)
        else (b, False, False)
        for b in value
    ]


def test_an_xlsx_text_partly_bold_keeps_its_bold_words(tmp_path):
    bold = InlineFont(b=True)
    head = CellRichText([TextBlock(bold, "Trưởng xóm"), TextBlock(InlineFont(), " Nguyễn Văn A")])
    note = CellRichText([TextBlock(bold, "Người"), TextBlock(InlineFont(), " lập biểu")])
    ws = head_copy(tmp_path, "B13:E13", ("R13", "B13"), R13=head, B13=note)
    # before: each written in one regular font ('Trưởng xóm Nguyễn Văn A' all regular)
    assert _runs(tmp_path, "R13") == [("Trưởng xóm", True, False), (" Nguyễn Văn A", False, False)]
    # the cell's own format kept: merged over R:X, centred, regular
    assert "R13:X13" in {str(m) for m in ws.merged_cells.ranges}
    assert ws["R13"].alignment.horizontal == "center" and not ws["R13"].font.b
    # moved past the repeated columns (B13:E13 -> D13:G13), written there in his fonts
    assert ws["B13"].value is None
    assert _runs(tmp_path, "D13") == [("Người", True, False), (" lập biểu", False, False)]


def test_a_text_bold_throughout_by_its_runs_stays_one_font(tmp_path):
    # a guard: every run bold is the cell bold (session 61), no rich text written
    bold = InlineFont(b=True)
    head = CellRichText([TextBlock(bold, "Trưởng xóm "), TextBlock(bold, "Nguyễn Văn A")])
    head_copy(tmp_path, None, ("R13",), R13=head)
    assert _runs(tmp_path, "R13") == [(HEAD, True, False)]


def test_the_shared_strings_fragments_are_the_runs_in_their_cells_fonts():
    from pipeline.sheetscan import rich_cells, rich_shared_strings

    shared = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>Ngay 03</t></si>"
        b"<si><r><rPr><b/></rPr><t>Tr\xc6\xb0\xe1\xbb\x9fng x\xc3\xb3m</t></r>"
        b'<r><t xml:space="preserve"> A &amp; B</t></r></si>'
        b"<si><r><t>(K\xc3\xbd, </t></r><r><rPr><i/></rPr><t>ghi r\xc3\xb5</t></r>"
        b'<r><rPr><i val="1"/></rPr><t xml:space="preserve"> </t></r></si></sst>'
    )
    sheet = (
        b'<worksheet><sheetData><row r="13"><c r="R13" t="s"><v>1</v></c>'
        b'<c r="B13" s="2" t="s"><v>1</v></c></row><row r="14"><c r="B14" s="2" t="s"><v>2</v>'
        b'</c><c r="R14" t="s"><v>2</v></c><c r="S14" t="s"><v>0</v></c></row></sheetData>'
        b"</worksheet>"
    )
    items: dict = {}
    runs = rich_shared_strings(shared, items)
    assert sorted(items) == [1, 2]
    parts: dict = {}
    styled = {(12, 1): (True, False), (13, 1): (True, False)}  # B13, B14 bold by their style
    rich_cells(sheet, runs, styled, items, parts)
    # R13: 'Trưởng xóm' bold, ' A & B' in the cell's regular; B13 bold throughout (no parts);
    # B14: '(Ký, ' in the cell's bold, 'ghi rõ' italic only, its space-only run joined to it
    assert parts == {
        (12, 17): (("Trưởng xóm", True, False), (" A & B", False, False)),
        (13, 1): (("(Ký, ", True, False), ("ghi rõ ", False, True)),
        (13, 17): (("(Ký, ", False, False), ("ghi rõ ", False, True)),
    }


def _list(folder: Path) -> Path:
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    ws = book["Danh sách"]
    ws["H6"] = "bốn"
    ws["R13"] = HEAD
    book.save(roster)
    return roster


def test_an_xls_text_partly_bold_keeps_its_bold_words(tmp_path):
    source = _list(tmp_path / "xlsx")
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    # R13 (row 12, column 17) in Arial regular, 'Trưởng xóm' in a run of Arial bold
    rich = {("Danh sách", 12, 17): [("Trưởng xóm", True, False), (" Nguyễn Văn A", False, False)]}
    xls_from_xlsx(source, folder / "NaMon.xls", rich=rich)
    execute(folder, tmp_path / "out", "2024-05")
    # before: regular throughout (the runs of an .xls's text were not read)
    assert _runs(tmp_path, "R13") == [("Trưởng xóm", True, False), (" Nguyễn Văn A", False, False)]


def test_an_xls_text_bold_throughout_by_its_runs_is_bold(tmp_path):
    source = _list(tmp_path / "xlsx")
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    # a run of Arial bold from its first letter: the whole text bold, its cell regular
    rich = {("Danh sách", 12, 17): [("Trưởng xóm ", True, False), ("Nguyễn Văn A", True, False)]}
    xls_from_xlsx(source, folder / "NaMon.xls", rich=rich)
    execute(folder, tmp_path / "out", "2024-05")
    assert _runs(tmp_path, "R13") == [(HEAD, True, False)]  # before: regular


# LibreOffice's automatic text style of a span made bold in a cell's text (Ctrl+B on words)
_SPAN_STYLE = (
    '<style:style style:name="T1" style:family="text"><style:text-properties '
    'fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>'
)


def test_an_ods_text_partly_bold_keeps_its_bold_words(tmp_path):
    source = _list(tmp_path / "xlsx")
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    specs = []
    sheets, merges, hidden = sheets_of(source)
    for title, cells in sheets:
        spec = SheetSpec(title, hidden=title in hidden)
        for (r, c), value in cells.items():
            spec.put(r, c, value)
        spec.merges = [(r1, c1, r2, c2) for r1, r2, c1, c2 in merges[title]]
        specs.append(spec)
    target = write_book(folder / "NaMon.ods", specs)
    with zipfile.ZipFile(target) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    content = parts["content.xml"].decode()
    plain = f"<text:p>{HEAD}</text:p>"
    assert content.count(plain) == 1
    # 'Trưởng xóm' in a bold span; the two spaces before 'A' written as LibreOffice does
    spanned = (
        '<text:p><text:span text:style-name="T1">Trưởng xóm</text:span> Nguyễn Văn '
        '<text:s text:c="1"/>A</text:p>'
    )
    content = content.replace(plain, spanned).replace(
        "</office:automatic-styles>", _SPAN_STYLE + "</office:automatic-styles>"
    )
    parts["content.xml"] = content.encode()
    with zipfile.ZipFile(target, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    execute(folder, tmp_path / "out", "2024-05")
    ws = openpyxl.load_workbook(tmp_path / COPY)["Danh sách"]
    text = "Trưởng xóm Nguyễn Văn  A"
    assert ws["R13"].value == text  # as read: the span's text and its spaces
    # before: regular throughout (a span's font was its cell's)
    assert _runs(tmp_path, "R13") == [("Trưởng xóm", True, False), (" Nguyễn Văn  A", False, False)]
