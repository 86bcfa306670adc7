"""Session 65 (F): a workbook whose parts are named otherwise, found as Excel finds them.

Session 64 H's and H2's Left. Excel finds a package's workbook part by the package's
relationship 'officeDocument' ('_rels/.rels') and its styles part by the workbook's own
relationship; OPC reads part names case aside. The packages here are openpyxl's, rewritten
with zipfile:

* the workbook part named 'xl/Workbook.xml' (its relationships 'xl/_rels/Workbook.xml.rels',
  '_rels/.rels' and the content type saying so). The values were read (calamine reads part
  names case aside), but the looks at the sheets (`sheetscan.sheet_parts`) found no sheet: a
  struck row not said, the feedback copy's bold lost, a 1904 workbook's calendar not told, a
  file without its suffix not taken as a workbook, a legacy or symbol font not read;
* the styles part named 'xl/styles2.xml' (the workbook's relationship 'styles2.xml'): the
  symbol-font check (`legacy._names_a_symbol_font`) searched 'xl/styles.xml' alone, and
  openpyxl (which reads the cells' fonts) reads 'xl/styles.xml' alone: a ✓ typed as 'P' in
  Wingdings 2 was the letter 'P'.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

from pipeline import legacy
from pipeline.opening import MAC_DAYS, days_counted, looks_like_spreadsheet
from pipeline.run import collect, execute
from tests.commune import person, write_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session23_rows import MAY
from tests.test_session30_b3_one_row_said import struck_list
from tests.test_session64_h_copy_runs import COPY, HEAD, with_shared_strings


def workbook_named(path: Path, part: str = "xl/Workbook.xml") -> None:
    """The package at ``path`` with 'xl/workbook.xml' named ``part``: its relationships part
    renamed with it, '_rels/.rels' targeting it, its content type overridden at its name."""
    with zipfile.ZipFile(path) as source:
        items = [(info.filename, source.read(info)) for info in source.infolist()]
    folder, _, name = part.rpartition("/")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for item, data in items:
            if item == "xl/workbook.xml":
                item = part
            elif item == "xl/_rels/workbook.xml.rels":
                item = f"{folder}/_rels/{name}.rels"
            elif item == "_rels/.rels":
                new = re.sub(rb'Target="/?xl/workbook\.xml"', f'Target="/{part}"'.encode(), data)
                assert new != data
                data = new
            elif item == "[Content_Types].xml":
                new = data.replace(b'PartName="/xl/workbook.xml"', f'PartName="/{part}"'.encode())
                assert new != data
                data = new
            package.writestr(item, data)


def styles_named(path: Path, part: str = "xl/styles2.xml", target: str = "styles2.xml") -> None:
    """The package at ``path`` with 'xl/styles.xml' named ``part``, the workbook's relationship
    targeting ``target``, its content type overridden at its name."""
    with zipfile.ZipFile(path) as source:
        items = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for item, data in items:
            if item == "xl/styles.xml":
                item = part
            elif item == "[Content_Types].xml":
                data = data.replace(b'PartName="/xl/styles.xml"', f'PartName="/{part}"'.encode())
            elif item == "xl/_rels/workbook.xml.rels":
                new = re.sub(rb'Target="(/xl/)?styles\.xml"', f'Target="{target}"'.encode(), data)
                assert new != data
                data = new
            package.writestr(item, data)


def test_a_struck_row_is_said_in_a_workbook_part_named_otherwise(tmp_path):
    """NM6's row 7 struck (session 30 B3's list), the workbook part 'xl/Workbook.xml': the row
    said at B7, counted as written (poor NM1, NM6 = 2; near-poor NM2 = 1). Before: nothing
    said (no sheet part found)."""
    folder, path = struck_list(tmp_path)
    workbook_named(path)
    with zipfile.ZipFile(path) as package:
        assert "xl/workbook.xml" not in package.namelist()
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["status"], na_mon["poor"], na_mon["near_poor"]) == ("ok", 2, 1)
    said = [i for i in result.issues if i.code == "rows-struck-through"]
    assert [(i.file, i.cell, i.detail, i.variant) for i in said] == [
        ("DS_NaMon_2024-05.xlsx", "B7", "7", "one")
    ]


def test_the_copy_keeps_a_heads_bold_words_in_a_workbook_part_named_otherwise(tmp_path):
    """Nà Mòn's template list, NM2's size 'bốn' (a copy written), R13 'Trưởng xóm' bold and
    ' Nguyễn Văn A' regular in the shared strings, the workbook part 'xl/Workbook.xml': the
    copy's R13 in those two fragments. Before: one text, not bold (the template's bold cell
    not found either)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    book["Danh sách"]["H6"] = "bốn"
    book["Danh sách"]["R13"] = HEAD
    book.save(roster)
    with_shared_strings(roster, "xl/sharedStrings.xml")
    workbook_named(roster)
    execute(folder, tmp_path / "out", "2024-05")
    ws = openpyxl.load_workbook(tmp_path / COPY, rich_text=True)["Danh sách"]
    value = ws["R13"].value
    assert [(str(b), bool(b.font and b.font.b)) for b in value] == [
        ("Trưởng xóm", True),
        (" Nguyễn Văn A", False),
    ]


def test_a_1904_workbook_part_named_otherwise_counts_its_days_from_1904(tmp_path):
    """A workbook saved with the 1904 calendar (old Mac Excel), its part 'xl/Workbook.xml':
    told 1904 (before: Excel's 1900 calendar, every date 4 years and a day early)."""
    path = tmp_path / "mac.xlsx"
    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    book.active["A1"] = 1
    book.save(path)
    assert days_counted(path) == MAC_DAYS  # a guard: the usual name
    workbook_named(path)
    assert days_counted(path) == MAC_DAYS


def test_a_file_without_its_suffix_is_a_workbook_by_a_part_named_otherwise(tmp_path):
    """'DS_NaMon_2024-05' (its '.xlsx' lost), its part 'xl/Workbook.xml': a workbook by its
    content (before: not one, a zip holding no workbook part by its usual name)."""
    path = tmp_path / "DS_NaMon_2024-05"
    openpyxl.Workbook().save(path)
    workbook_named(path)
    assert looks_like_spreadsheet(path)
    other = tmp_path / "notes"  # a guard: a zip with no workbook part is none
    with zipfile.ZipFile(other, "w") as package:
        package.writestr("_rels/.rels", "<Relationships/>")
        package.writestr("word/document.xml", "<w:document/>")
    assert not looks_like_spreadsheet(other)


def _wingdings(path: Path) -> None:
    """A sheet 'S' whose B2 is 'P' in Wingdings 2 (✓), A1 'P' in Calibri (a letter)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"] = "P"
    sheet["B2"] = "P"
    sheet["B2"].font = Font(name="Wingdings 2")
    book.save(path)


def test_a_symbol_font_is_found_in_a_styles_part_named_otherwise(tmp_path):
    """B2's 'P' in Wingdings 2 is told so (row 1, column 1, 0-based) with the styles part
    'xl/styles2.xml', and with the workbook part 'xl/Workbook.xml' too. Before: {} (the
    symbol-font search and openpyxl looked at 'xl/styles.xml' alone; no workbook part)."""
    path = tmp_path / "marks.xlsx"
    _wingdings(path)
    assert legacy.symbol_cells(path, "S") == {(1, 1): "wingdings 2"}  # a guard
    styles_named(path)
    with zipfile.ZipFile(path) as package:
        assert "xl/styles.xml" not in package.namelist()
    assert legacy.symbol_cells(path, "S") == {(1, 1): "wingdings 2"}
    workbook_named(path)
    assert legacy.symbol_cells(path, "S") == {(1, 1): "wingdings 2"}


def test_a_legacy_font_is_read_in_a_workbook_part_named_otherwise(tmp_path):
    """'Hoµng V¨n A' (TCVN3 for 'Hoàng Văn A') in .VnTime at B2, the workbook part
    'xl/Workbook.xml', its styles 'xl/styles2.xml': told TCVN3 at (1, 1). Before: {}."""
    path = tmp_path / "legacy.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["B2"] = legacy.encode("Hoàng Văn A", "tcvn3")
    sheet["B2"].font = Font(name=".VnTime")
    book.save(path)
    found = legacy.legacy_cells(path, "S")
    assert set(found) == {(1, 1)} and found[(1, 1)][0] == "tcvn3"  # a guard
    styles_named(path)
    workbook_named(path)
    assert legacy.legacy_cells(path, "S") == found
