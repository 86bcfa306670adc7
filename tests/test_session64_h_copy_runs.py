"""Session 64 (H): the feedback copy of a head's text in several fonts (session 62 I's Left).

Nà Mòn's template list (tests.commune), NM2's size 'bốn' so that a copy is written; its
signature block on the right merged R12:X14 row by row, the template's R13 'Trưởng xóm' cell
bold ('Times New Roman' 11).

* A workbook whose shared strings part is named 'xl/SharedStrings.xml' (as some writers name
  it; Excel finds it by the workbook's relationship, OPC's names are read case aside): the
  copy looked only for 'xl/sharedStrings.xml', so the runs of 'Trưởng xóm Nguyễn Văn A' (only
  'Trưởng xóm' bold) were not found and the whole text was written in its cell's bold.
* A text below the table partly bold and wrapped in its merged range: its row was made tall
  enough for it measured regular (2 lines), where its bold words take 3 in Excel's measure
  (`text_lines`): its last line cut. Now measured bold, as an error's bold cell is.
* Runs told apart by colour, size or underline only (a guard): written in the copy's one
  font, the head's bold kept, the text whole (decided: the copy's colours are its marks).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from pipeline.report.cells import text_lines
from pipeline.run import execute
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY

COPY = Path("out") / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
BOLD, PLAIN = InlineFont(b=True), InlineFont()
HEAD = CellRichText([TextBlock(BOLD, "Trưởng xóm"), TextBlock(PLAIN, " Nguyễn Văn A")])
MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SST_TYPE = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
SST_CONTENT = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_INLINE = re.compile(rb'<c ([^>]*?)t="inlineStr"([^>]*)><is>(.*?)</is></c>', re.S)


def with_shared_strings(path: Path, part: str, target: str | None = None) -> None:
    """openpyxl's inline texts (it writes no shared strings) moved into a shared strings part
    named ``part``, as Excel keeps them: each text an ``<si>``, each cell ``t="s"`` pointing at
    it; the workbook's relationship targets ``target`` (``part`` without 'xl/' unless given)."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    items: list[bytes] = []

    def shared(m: re.Match) -> bytes:
        items.append(m.group(3))
        return b"<c " + m.group(1) + b't="s"' + m.group(2) + b"><v>%d</v></c>" % (len(items) - 1)

    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        parts[name] = _INLINE.sub(shared, parts[name])
    assert items
    body = b"".join(b"<si>" + item + b"</si>" for item in items)
    parts[part] = b'<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>' % (
        MAIN,
        len(items),
        len(items),
        body,
    )
    target = target or part.removeprefix("xl/")
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdSst" Type="%s" Target="%s"/></Relationships>'
        % (SST_TYPE, target.encode()),
    )
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/%s" ContentType="%s"/></Types>' % (part.encode(), SST_CONTENT),
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def _copy(tmp_path: Path, shared: tuple[str, str | None] | None = None, merge=(), **cells):
    """The copy's list sheet of Nà Mòn's list with ``cells`` typed in, ``merge`` merged, its
    texts kept in the shared strings part ``shared`` (part, relationship's target)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    ws = book["Danh sách"]
    ws["H6"] = "bốn"
    for cell, value in cells.items():
        ws[cell] = value
    for merged in merge:
        ws.merge_cells(merged)
    book.save(roster)
    if shared is not None:
        with_shared_strings(roster, *shared)
    execute(folder, tmp_path / "out", "2024-05")
    return openpyxl.load_workbook(tmp_path / COPY, rich_text=True)["Danh sách"]


def _runs(ws, cell: str) -> list[tuple[str, bool]]:
    """The copy's ``cell`` as (text, bold) per fragment; a plain text one in its cell's font."""
    value = ws[cell].value
    if not isinstance(value, CellRichText):
        return [(value, bool(ws[cell].font.b))]
    return [(str(b), bool(b.font and b.font.b)) for b in value]


def test_shared_strings_named_otherwise_keep_the_heads_bold_words(tmp_path):
    ws = _copy(tmp_path, ("xl/SharedStrings.xml", None), R13=HEAD)
    # before: [('Trưởng xóm Nguyễn Văn A', True)], the name bold as the template's cell
    assert _runs(ws, "R13") == [("Trưởng xóm", True), (" Nguyễn Văn A", False)]


def test_shared_strings_found_by_their_relationship_case_aside(tmp_path):
    # the relationship says 'sharedStrings.xml', the package holds 'xl/SharedStrings.xml'
    ws = _copy(tmp_path, ("xl/SharedStrings.xml", "sharedStrings.xml"), R13=HEAD)
    assert _runs(ws, "R13") == [("Trưởng xóm", True), (" Nguyễn Văn A", False)]


def test_shared_strings_of_the_usual_name_as_before(tmp_path):
    # a guard: Excel's own name, found as session 62 found it
    ws = _copy(tmp_path, ("xl/sharedStrings.xml", None), R13=HEAD)
    assert _runs(ws, "R13") == [("Trưởng xóm", True), (" Nguyễn Văn A", False)]


def _package(names: dict[str, bytes]) -> zipfile.ZipFile:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        for name, body in names.items():
            z.writestr(name, body)
    return zipfile.ZipFile(io.BytesIO(data.getvalue()))


def test_a_workbooks_part_is_its_usual_name_else_its_relationships():
    from pipeline.sheetscan import workbook_part

    rels = (
        b'<Relationships><Relationship Id="rId1" Type="http://x/relationships/worksheet" '
        b'Target="worksheets/sheet1.xml"/><Relationship Id="rId9" '
        b'Type="http://x/relationships/sharedStrings" Target="/xl/Strings.xml"/></Relationships>'
    )
    renamed = _package({"xl/_rels/workbook.xml.rels": rels, "xl/Strings.xml": b"<sst/>"})
    assert workbook_part(renamed, "sharedStrings", "xl/sharedStrings.xml") == "xl/Strings.xml"
    assert workbook_part(renamed, "styles", "xl/styles.xml") is None
    usual = _package({"xl/sharedStrings.xml": b"<sst/>", "xl/Strings.xml": b"<sst/>"})
    assert workbook_part(usual, "sharedStrings", "xl/sharedStrings.xml") == "xl/sharedStrings.xml"
    # no relationship saying it: the usual name case aside
    other_case = _package({"xl/SharedStrings.xml": b"<sst/>"})
    assert workbook_part(other_case, "sharedStrings", "xl/sharedStrings.xml") == (
        "xl/SharedStrings.xml"
    )


# 'Đã kiểm tra … không' bold, ' Trưởng xóm Nguyễn Văn A' regular, merged over R16:X16 (the
# copy's R:X together 65.17 units wide as measured: 13.29 + 9.29 + 8.29 + 10.29 + 13.29 + 9.43
# + 6.29 written, less 0.71 each): 2 lines measured regular, 3 bold
NOTE_BOLD = (
    "Đã kiểm tra và xác nhận danh sách hộ nghèo, hộ cận nghèo của xóm Nà Mòn trong tháng năm "
    "năm hai nghìn không"
)
NOTE_PLAIN = " Trưởng xóm Nguyễn Văn A"


def test_a_wrapped_text_partly_bold_is_given_its_bold_lines(tmp_path):
    note = CellRichText([TextBlock(BOLD, NOTE_BOLD), TextBlock(PLAIN, NOTE_PLAIN)])
    ws = _copy(tmp_path, None, ("R16:X16",), R16=note)
    room = sum(ws.column_dimensions[c].width - 0.71 for c in "RSTUVWX")
    assert round(room, 2) == 65.17
    text = NOTE_BOLD + NOTE_PLAIN
    assert (text_lines(text, room), text_lines(text, room, bold=True)) == (2, 3)
    assert "R16:X16" in {str(m) for m in ws.merged_cells.ranges}
    assert _runs(ws, "R16") == [(NOTE_BOLD, True), (NOTE_PLAIN, False)]
    assert ws["R16"].alignment.wrap_text
    # before: 30.0 (two lines of 15 points)
    assert ws.row_dimensions[16].height == 45.0


def test_a_wrapped_text_regular_keeps_its_regular_lines(tmp_path):
    # a guard: the same text in one regular font, 2 lines
    ws = _copy(tmp_path, None, ("R16:X16",), R16=NOTE_BOLD + NOTE_PLAIN)
    assert ws["R16"].alignment.wrap_text
    assert ws.row_dimensions[16].height == 30.0


def _text_colour(font) -> bool:
    """Whether ``font`` is in the text's own colour (none, or the theme's text colour 1)."""
    colour = font.color
    return colour is None or (colour.type == "theme" and colour.theme == 1)


def test_runs_of_colour_size_and_underline_are_written_in_the_copys_font(tmp_path):
    """A guard (passes before): 'Trưởng xóm' bold blue 14, ' Nguyễn Văn A' red Arial 16
    underlined, 'Ghi chú:' red 18 before ' hộ NM3 đã thoát nghèo' in 9: the head's text whole,
    his bold kept, in the copy's 11 points and no colour (its red and yellow are its marks), the
    rows one line tall as the copy measures them."""
    head = CellRichText([
        TextBlock(InlineFont(b=True, sz=14, color="FF0000FF"), "Trưởng xóm"),
        TextBlock(InlineFont(sz=16, color="FFFF0000", rFont="Arial", u="single"), " Nguyễn Văn A"),
    ])  # fmt: skip
    note = CellRichText([
        TextBlock(InlineFont(sz=18, color="FFFF0000"), "Ghi chú:"),
        TextBlock(InlineFont(sz=9), " hộ NM3 đã thoát nghèo"),
    ])  # fmt: skip
    ws = _copy(tmp_path, ("xl/sharedStrings.xml", None), R13=head, R16=note)
    assert _runs(ws, "R13") == [("Trưởng xóm", True), (" Nguyễn Văn A", False)]
    for block in ws["R13"].value:
        assert block.font.sz == 11 and _text_colour(block.font) and not block.font.u
    assert ws["R16"].value == "Ghi chú: hộ NM3 đã thoát nghèo"
    assert ws["R16"].font.sz == 11 and not ws["R16"].font.b and _text_colour(ws["R16"].font)
    assert ws.row_dimensions[13].height in (None, 15.75)
