"""Session 66 (H): texts struck through by their runs' fonts, and session 65 F's and RF's Left
on a workbook part named otherwise.

Nà Mòn's May list (`tests.commune`): NM1 poor, NM2 near-poor, NM6 poor in rows 5–7 (session
30 B3's list), 1,200,000 đ and 3 deprivations each (poor by the standard). Its cells rewritten
as rich text with openpyxl (`CellRichText`, a `TextBlock` in `InlineFont(strike=True)`): kept
inline as openpyxl writes them, or moved into the shared strings as Excel keeps them
(`with_shared_strings`). calamine reads a rich text's runs joined, their fonts unread:

* B7 'NM6' and C7 'Hoàng Văn NM6' each one struck run (the head striking the text in the
  cell's edit line, the cell's own font not struck). Before: read as not struck, nothing said.
  By hand, as a row struck by its cells' font (session 28): 'rows-struck-through' at B7 (row
  7, one row), still counted as written: poor NM1, NM6 = 2, near-poor NM2 = 1.
* B7 '~~NM5~~ NM6' (NM5 struck, ' NM6' not) and I7 '~~Hộ nghèo~~ Hộ cận nghèo'. Before: read
  'NM5 NM6' (a code of no household) and 'Hộ nghèo Hộ cận nghèo', nothing said of the strike.
  By hand, the struck part the head's correction: B7 read 'NM6', I7 'Hộ cận nghèo', each said
  by 'text-partly-struck' at its cell; poor NM1 = 1, near-poor NM2, NM6 = 2; NM6's class
  differs from the standard (classification-mismatch at I7, kept as the hamlet decided).
* the package's workbook part named 'xl/book.xml' (F's `workbook_named`): refused, now told
  as whole, not damaged; and `readpool._safe_here` finds 'xl/Workbook.xml' by
  `sheetscan.main_part` (read in this process, as the usual name is).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from pipeline import readpool
from pipeline.checkfiles import check_files
from pipeline.run import collect
from tests.commune import person, write_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session64_h_copy_runs import with_shared_strings
from tests.test_session65_f_parts_named_otherwise import workbook_named

STRUCK = InlineFont(strike=True)
# a Word document's package, its main part 'word/document.xml' (session 65 RF's 'BienBan_Hop')
WORD_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
WORD_DOCUMENT = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Biên bản họp xóm</w:t></w:r></w:p></w:body></w:document>"
)
NAME = "DS_NaMon_2024-05.xlsx"


def struck_list(tmp_path: Path, shared: bool, **cells) -> tuple[Path, Path]:
    """input/ with the plan and Nà Mòn's list NM1, NM2, NM6 (rows 5–7), ``cells`` written as
    rich texts (each a list of (text, struck)), its texts in the shared strings if ``shared``;
    (folder, the list's path)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM6", "poor")]
    path = write_roster(folder, NAME, "Nà Mòn", 102, rows)
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert [sheet[c].value for c in ("B7", "C7", "I7")] == ["NM6", "Hoàng Văn NM6", "Hộ nghèo"]
    for ref, runs in cells.items():
        sheet[ref] = CellRichText(
            [TextBlock(STRUCK if struck else InlineFont(), text) for text, struck in runs]
        )
    book.save(path)
    if shared:
        with_shared_strings(path, "xl/sharedStrings.xml")
    return folder, path


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_a_row_struck_by_its_runs_is_said_as_a_struck_row(tmp_path, shared):
    """B7 and C7 struck by their runs alone: said at B7 as a row struck (fails before: nothing
    said), still counted as written (poor 2, near-poor 1)."""
    folder, path = struck_list(tmp_path, shared, B7=[("NM6", True)], C7=[("Hoàng Văn NM6", True)])
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    said = [i for i in result.issues if i.code in ("rows-struck-through", "text-partly-struck")]
    assert [(i.code, i.cell, i.detail, i.variant) for i in said] == [
        ("rows-struck-through", "B7", "7", "one")
    ]
    assert said[0].message().startswith("Dòng 7 bị gạch ngang chữ (hộ đã bị gạch tên?)")


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_a_text_struck_in_part_is_read_as_the_text_left_and_said(tmp_path, shared):
    """B7 '~~NM5~~ NM6', I7 '~~Hộ nghèo~~ Hộ cận nghèo': read 'NM6' and 'Hộ cận nghèo', each
    said at its cell in both languages, in the run and in `check` (fails before: 'NM5 NM6', a
    class 'Hộ nghèo Hộ cận nghèo', nothing said of the strike). Poor NM1 = 1, near-poor NM2,
    NM6 = 2; no row said struck."""
    folder, path = struck_list(
        tmp_path,
        shared,
        B7=[("NM5", True), (" NM6", False)],
        I7=[("Hộ nghèo", True), (" Hộ cận nghèo", False)],
    )
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (1, 2)
    codes = [i.code for i in result.issues if i.file == NAME]
    assert "rows-struck-through" not in codes
    said = [i for i in result.issues if i.code == "text-partly-struck"]
    assert [(i.file, i.sheet, i.cell, i.row, i.value, i.instead) for i in said] == [
        (NAME, "Danh sách", "B7", 7, "NM5", "NM6"),
        (NAME, "Danh sách", "I7", 7, "Hộ nghèo", "Hộ cận nghèo"),
    ]
    assert said[0].severity == "warning"
    assert said[0].message() == (
        "Ô B7 có chữ bị gạch ngang ('NM5') bên cạnh chữ không gạch: xã coi phần gạch ngang là "
        "chữ đã bỏ và đọc ô này là 'NM6'. Nếu đúng, hãy xóa hẳn phần chữ bị gạch ngang khỏi ô; "
        "nếu không, hãy sửa lại ô cho đúng và bỏ gạch ngang."
    )
    assert said[1].message("en") == (
        "Cell I7 holds struck-through text ('Hộ nghèo') beside text not struck: the commune "
        "takes the struck part as deleted and reads the cell as 'Hộ cận nghèo'. If that is "
        "right, delete the struck text from the cell; if not, correct the cell and remove the "
        "strike-through."
    )
    # NM6 read as near-poor against the standard's poor: kept as decided, asked at I7
    assert [i.cell for i in result.issues if i.code == "classification-mismatch"] == ["I7"]
    checked = check_files([folder / "KeHoach_2024.xlsx", path])
    assert [(i.cell, i.value, i.instead) for i in checked if i.code == "text-partly-struck"] == [
        ("B7", "NM5", "NM6"),
        ("I7", "Hộ nghèo", "Hộ cận nghèo"),
    ]


def test_runs_struck_spaces_or_none_leave_the_text_as_read():
    """A guard on the runs' reading: a struck run of spaces only strikes nothing; a run's
    strike turned off ('val="0"') strikes nothing; a run without a font of its own takes the
    cell's; a plain text has no runs."""
    from pipeline.sheetscan import run_strikes  # new in session 66

    run = b'<r><rPr>%s</rPr><t xml:space="preserve">%s</t></r>'
    assert run_strikes(run % (b"<strike/>", b"  ") + run % (b"<b/>", b"NM6"), False) is False
    assert run_strikes(run % (b'<strike val="0"/>', b"NM6"), False) is False
    assert run_strikes(b"<r><t>NM</t></r>" + run % (b"<strike/>", b"6"), True) is True
    assert run_strikes(b"<r><t>NM5</t></r>" + run % (b"<b/>", b" NM6"), True) == (
        "NM5 NM6",
        "NM5",
        " NM6",
    )
    assert run_strikes(b"<t>NM6</t>", False) is None


def test_a_workbook_part_named_otherwise_is_refused_as_a_whole_file(tmp_path):
    """'xl/book.xml' (F's and RF's Left): refused as before, its cause no longer "damaged or
    not copied in full" (fails before), the same fix (open in Excel, Save As .xlsx)."""
    folder, path = struck_list(tmp_path, False)
    workbook_named(path, "xl/book.xml")
    checked = [i for i in check_files([folder / "KeHoach_2024.xlsx", path]) if i.file == NAME]
    assert [(i.code, i.severity) for i in checked] == [("file-unreadable", "error")]
    assert checked[0].message() == (
        "Không đọc được tệp. Tệp không hỏng, nhưng do phần mềm khác Excel tạo ra: phần chính "
        "của sổ (phần liệt kê các trang) mang tên 'xl/book.xml' thay vì 'xl/workbook.xml' như "
        "Excel lưu, nên chương trình không đọc được, dù Excel vẫn mở được. Hãy nhờ trưởng xóm mở "
        "tệp gốc bằng Excel, chọn Lưu thành (Save As) kiểu Sổ làm việc Excel (.xlsx) rồi gửi "
        "lại tệp vừa lưu. (Chi tiết kỹ thuật: phần chính của sổ tên 'xl/book.xml', không phải "
        "'xl/workbook.xml')"
    )
    assert checked[0].message("en") == (
        "The file cannot be read. The file is not damaged, but was made by a program other "
        "than Excel: the workbook's main part (which lists its sheets) is named 'xl/book.xml' "
        "instead of 'xl/workbook.xml' as Excel saves it, so the program cannot read it, though "
        "Excel opens it. Ask the hamlet head to open the original file in Excel, Save As an "
        "Excel Workbook (.xlsx) and send the saved file again. (Technical detail: the workbook "
        "part is named 'xl/book.xml', not 'xl/workbook.xml')"
    )


def test_a_package_cut_short_is_still_said_damaged(tmp_path):
    """A guard (passes before): the same 'xl/book.xml' list cut to its first half is no whole
    package: still "Tệp bị hỏng hoặc chưa chép hết"."""
    folder, path = struck_list(tmp_path, False)
    workbook_named(path, "xl/book.xml")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    checked = [i for i in check_files([folder / "KeHoach_2024.xlsx", path]) if i.file == NAME]
    assert [i.code for i in checked] == ["file-unreadable"]
    assert "Tệp bị hỏng hoặc chưa chép hết" in checked[0].message()


def test_a_workbook_part_named_otherwise_is_read_in_this_process(tmp_path):
    """`readpool._safe_here` asks `sheetscan.main_part`: 'xl/Workbook.xml' and 'xl/book.xml'
    are read here (fails before: both False, the run read them in workers); the usual name
    still True, a Word document's package without its suffix still False."""
    folder, path = struck_list(tmp_path, False)
    assert readpool._safe_here(path)
    for part in ("xl/Workbook.xml", "xl/book.xml"):
        renamed = tmp_path / f"{part.replace('/', '_')}.xlsx"
        renamed.write_bytes(path.read_bytes())
        workbook_named(renamed, part)
        assert readpool._safe_here(renamed), part
    word = tmp_path / "BienBan_Hop"
    with zipfile.ZipFile(word, "w") as package:
        package.writestr("_rels/.rels", WORD_RELS)
        package.writestr("word/document.xml", WORD_DOCUMENT)
    assert not readpool._safe_here(word)
