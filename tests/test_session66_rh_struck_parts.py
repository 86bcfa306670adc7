"""Session 66 (RH): review of H's texts struck in part by their runs.

Nà Mòn's May list (`tests.commune`): NM1 poor, NM2 near-poor, NM6 poor in rows 5–7, each
1,200,000 đ and 3 deprivations (poor by the standard); cells rewritten as rich text with
openpyxl (`CellRichText`, a `TextBlock` in `InlineFont(strike=True)`), inline as openpyxl writes
them or in the shared strings as Excel keeps them (H's `struck_list`).

* A notes sheet 'Ghi chú' (no list, no 'Thông tin' value) whose A1 is '~~abc~~ def'. Before: a
  'text-partly-struck' warning at 'Ghi chú' A1 ("… xã … đọc ô này là 'def'"), a cell the commune
  reads nothing from (and the sheet then copied into the feedback for it). By hand: the sheet is
  none the list is read from, nothing said; the figures as written: poor NM1, NM6 = 2,
  near-poor NM2 = 1.
* C7 'Hoàng ~~Văn~~ NM6' (the middle word struck): the text left is 'Hoàng ' + ' NM6'. Before:
  the message quoted 'Hoàng  NM6' (two spaces, as the struck part quoted is made one-spaced).
  By hand: "… đọc ô này là 'Hoàng NM6'. …", one space as the head sees the words.
"""

from __future__ import annotations

import zipfile

import pytest

from pipeline import readpool
from pipeline.run import collect
from tests.summaries import hamlet_figures
from tests.test_session66_h_struck_runs import struck_list

SAID = (
    "Ô C7 có chữ bị gạch ngang ('Văn') bên cạnh chữ không gạch: xã coi phần gạch ngang là chữ "
    "đã bỏ và đọc ô này là 'Hoàng NM6'. Nếu đúng, hãy xóa hẳn phần chữ bị gạch ngang khỏi ô; "
    "nếu không, hãy sửa lại ô cho đúng và bỏ gạch ngang."
)


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_a_notes_sheet_struck_in_part_is_not_said(tmp_path, shared):
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    from tests.test_session64_h_copy_runs import with_shared_strings

    folder, path = struck_list(tmp_path, False)
    book = openpyxl.load_workbook(path)
    book.create_sheet("Ghi chú")["A1"] = CellRichText(
        [TextBlock(InlineFont(strike=True), "abc"), TextBlock(InlineFont(), " def")]
    )
    book.save(path)
    if shared:
        with_shared_strings(path, "xl/sharedStrings.xml")
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    assert [(i.sheet, i.cell) for i in result.issues if i.code == "text-partly-struck"] == []


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_a_struck_middle_word_is_quoted_one_spaced(tmp_path, shared):
    folder, _ = struck_list(
        tmp_path, shared, C7=[("Hoàng ", False), ("Văn", True), (" NM6", False)]
    )
    result, _ = collect(folder, None, workers=0)
    said = [i for i in result.issues if i.code == "text-partly-struck"]
    assert [(i.sheet, i.cell, i.value, i.instead) for i in said] == [
        ("Danh sách", "C7", "Văn", "Hoàng NM6")
    ]
    assert said[0].message() == SAID
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)


def _sheet(p: str) -> bytes:
    """A worksheet (namespace prefix ``p``: '' or 'x:') of B7 = shared string 1, C7 = shared
    string 0, H7 the number 1 (a value equal to the struck string's index, no text), I7 shared
    string 1 again."""
    o, c = f"<{p}", f"</{p}"
    cells = (
        f'{o}c r="B7" t="s">{o}v>1{c}v>{c}c>{o}c r="C7" t="s">{o}v>0{c}v>{c}c>'
        f'{o}c r="H7" s="2">{o}v>1{c}v>{c}c>{o}c r="I7" t="s">{o}v>1{c}v>{c}c>'
    )
    return (
        f'<{p}worksheet xmlns{":" + p[:-1] if p else ""}="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main">{o}sheetData>{o}row r="7">{cells}{c}row>{c}sheetData>'
        f"{c}worksheet>"
    ).encode()


@pytest.mark.parametrize("prefix", ["", "x:"])
def test_cells_of_a_struck_shared_string_are_found_by_its_index(prefix):
    """The sheet's cells of the shared strings struck by runs, found by a byte search of their
    '<v>index</v>' where the sheet's own bytes name no strike (`_struck_text_matches`, new: fails
    before, no such function; a sheet of 4,154,763 bytes, the 200 hamlets' plan's start list,
    was read cell by cell by `_TEXT_CELL` for one struck string: 1.55 s, now 0.017 s). By hand:
    string 1 '~~NM5~~ NM6' at B7 and I7 (rows 6, columns 1 and 8, 0-based), not H7 (a number
    1), not C7 (string 0, not struck)."""
    from pipeline.sheetscan import _struck_text_matches, struck_text_cells

    item = b"<r><rPr><strike/></rPr><t>NM5</t></r><r><t xml:space='preserve'> NM6</t></r>"
    shared = {1: item}
    data = _sheet(prefix)
    assert b"strike" not in data
    assert sorted(m.group(0).split(b'"')[1] for m in _struck_text_matches(data, shared)) == [
        b"B7",
        b"I7",
    ]
    assert struck_text_cells(data, shared, set()) == {
        (6, 1): ("NM5 NM6", "NM5", " NM6"),
        (6, 8): ("NM5 NM6", "NM5", " NM6"),
    }


def test_a_package_too_large_to_read_here_is_not_read_for_its_workbook_part(tmp_path, monkeypatch):
    """`readpool._safe_here` asks `sheetscan.main_part` (H), which reads the package's
    '_rels/.rels' where 'xl/workbook.xml' is not there: a package larger unzipped than the
    process reads itself (here the bound made 1,000 bytes, the package ~5,000) was read for it in
    this process before being sent to a worker (fails before: '_rels/.rels' read, a hostile
    '_rels/.rels' of up to 1 GiB so inflated here). By hand: the size decides first: False,
    nothing read."""
    from pipeline import sheetscan

    path = tmp_path / "DS_NaMon_2024-05.xlsx"
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/book.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("_rels/.rels", rels + " " * 5000)
        package.writestr("xl/book.xml", "<workbook/>")
    read: list[str] = []
    real = sheetscan.read_part

    def spy(package, member):
        read.append(member if isinstance(member, str) else member.filename)
        return real(package, member)

    monkeypatch.setattr(sheetscan, "read_part", spy)
    monkeypatch.setattr(readpool, "SERIAL_MAX_UNZIPPED_BYTES", 1000)
    assert not readpool._safe_here(path)
    assert read == []
    monkeypatch.setattr(readpool, "SERIAL_MAX_UNZIPPED_BYTES", 16 << 20)
    assert readpool._safe_here(path)  # small enough: its part found by the relationship
    assert read == ["_rels/.rels"]


def test_runs_typed_decomposed_are_quoted_composed(tmp_path):
    """I7 '~~Hộ nghèo~~ Hộ cận nghèo' typed decomposed (NFD: 'ộ' as 'o' and two marks, as a Mac
    or a Unikey setting writes it). Before: the warning quoted the runs as the file keeps them,
    decomposed (its letters' marks drawn apart in some fonts). By hand: quoted composed (NFC),
    the message equal to the one of the same text typed composed; NM6 read near-poor (poor 1,
    near-poor 2)."""
    import unicodedata

    def nfd(text: str) -> str:
        return unicodedata.normalize("NFD", text)

    folder, _ = struck_list(
        tmp_path, False, I7=[(nfd("Hộ nghèo"), True), (nfd(" Hộ cận nghèo"), False)]
    )
    assert nfd("Hộ nghèo") != "Hộ nghèo"
    result, _ = collect(folder, None, workers=0)
    said = [i for i in result.issues if i.code == "text-partly-struck"]
    assert [(i.cell, i.value, i.instead) for i in said] == [("I7", "Hộ nghèo", "Hộ cận nghèo")]
    assert said[0].message() == (
        "Ô I7 có chữ bị gạch ngang ('Hộ nghèo') bên cạnh chữ không gạch: xã coi phần gạch ngang "
        "là chữ đã bỏ và đọc ô này là 'Hộ cận nghèo'. Nếu đúng, hãy xóa hẳn phần chữ bị gạch "
        "ngang khỏi ô; nếu không, hãy sửa lại ô cho đúng và bỏ gạch ngang."
    )
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (1, 2)
