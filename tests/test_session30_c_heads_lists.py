"""Session 30 (task C): four leftovers of session 28's QA of the hamlet heads' lists, each
pinned by a small fixture whose answer is worked out by hand in the test."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string

from pipeline import odsfonts, vocab
from pipeline.checkfiles import check_files
from pipeline.discover import move_title
from pipeline.normalise import normalise_table
from pipeline.read import Table
from pipeline.run import collect
from tests import messy
from tests.biff import xls_from_xlsx
from tests.commune import clean_rosters, person, roster_edited, write_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_class_marks import marked_sheet, two_times_sheet, write_na_mon
from tests.test_session28_c import feedback_status

# Nà Mòn's own five households, rows 5–9 of 'Danh sách': NM1, NM5, NM6 poor; NM2, NM4
# near-poor (3 poor, 2 near-poor).
OWN = [
    person("NM1", "poor"),
    person("NM2", "near_poor"),
    person("NM4", "near_poor"),
    person("NM5", "poor"),
    person("NM6", "poor"),
]


def with_titles(
    folder: Path, groups: list[tuple[str, list[dict]]], restart: bool = False, hamlet="Nà Mòn"
) -> Path:
    """Nà Mòn's May list: :data:`OWN` in rows 5–9, then each group of ``groups`` as a title
    row in column A (a row of its own between the households) over its households, numbered on
    from the list's STT (6, 7, …) or, with ``restart``, each group from 1 (a part numbered as
    its own list: session 31 reads two or more rows numbered on under a move-out title, down
    to the list's end, as unclear). ``hamlet``: its 'Xóm' cell. Returns the file."""
    write_plan(folder)
    rows = list(OWN)
    for _, households in groups:
        rows += households
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", hamlet, 102, rows)
    with roster_edited(path) as sheet:
        at = 5 + len(OWN)  # the first row of the first group
        for title, households in groups:
            sheet.insert_rows(at)
            sheet.cell(at, 1, title)
            for number in range(1, len(households) + 1) if restart else ():
                sheet.cell(at + number, 1, number)
            at += 1 + len(households)
    return path


def _codes_at(path: Path, rows: range) -> list:
    sheet = openpyxl.load_workbook(path)["Danh sách"]
    return [sheet.cell(r, 2).value for r in rows]


# --- 1. a title over households that moved in, or out -----------------------------------------


MOVED_IN = [person("BC1", "poor"), person("BC3", "near_poor")]


@pytest.mark.parametrize(
    "title",
    [
        "Hộ chuyển đến từ xóm Bản Cọ",
        "Danh sách hộ chuyển đến từ xóm Bản Cọ",
        "DANH SÁCH HỘ NGHÈO CHUYỂN ĐẾN TỪ XÓM BẢN CỌ",
        "chuyển đến từ Bản Cọ",
        "II. Hộ chuyển đến",
    ],
)
def test_households_under_a_moved_in_title_are_the_lists_own(tmp_path, title):
    """Nà Mòn's 5 households (rows 5–9), a title row 10 saying the next ones moved in from Bản
    Cọ, then BC1 (poor) and BC3 (near-poor), rows 11–12. Before: 'Danh sách hộ chuyển đến từ
    xóm Bản Cọ' started Bản Cọ's section and the 2 rows were left out as Bản Cọ's. Now all 7
    are Nà Mòn's: by hand poor NM1, NM5, NM6, BC1 = 4, near-poor NM2, NM4, BC3 = 3, and no row
    is said to be another hamlet's or to have moved away."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = with_titles(folder, [(title, MOVED_IN)])
    assert _codes_at(path, range(9, 13)) == ["NM6", None, "BC1", "BC3"]
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)
    assert [i for i in result.issues if i.code in ("rows-of-other-hamlet", "rows-moved-away")] == []


def test_a_hamlets_title_still_starts_that_hamlets_rows(tmp_path):
    """Control: 'Danh sách xóm Bản Cọ' over the same two rows keeps session 28's reading: BC1
    and BC3 are Bản Cọ's, not counted; Nà Mòn is its own 3 poor and 2 near-poor."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [("Danh sách xóm Bản Cọ", MOVED_IN)])
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    said = [(i.code, i.cell, i.detail) for i in result.issues if i.code.startswith("rows-")]
    assert said == [("rows-of-other-hamlet", "A10", "11–12")]


def test_households_under_a_moved_out_title_are_not_counted(tmp_path):
    """Rows 11–12 under 'Hộ chuyển đi xóm Bản Cọ': NM7 (poor) and NM8 (written 'Thoát', as
    heads write a household that left). Before: 'Hộ …' was no title and both were counted as
    Nà Mòn's (4 poor). Now both are left out, as a class written 'Chuyển đi' is (Bản Cọ lists
    them under their codes; a 'Thoát' here would use NM8's code twice): Nà Mòn 3 poor, 2
    near-poor, and one warning at A10 (the title) naming rows 11–12 and Bản Cọ."""
    folder = tmp_path / "input"
    folder.mkdir()
    gone = [person("NM7", "poor"), person("NM8", "exited")]
    path = with_titles(folder, [("Hộ chuyển đi xóm Bản Cọ", gone)], restart=True)
    assert _codes_at(path, range(11, 13)) == ["NM7", "NM8"]
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    said = [i for i in result.issues if i.code.startswith("rows-")]
    assert [(i.code, i.cell, i.detail, i.instead, i.variant, i.severity) for i in said] == [
        ("rows-moved-away", "A10", "11–12", "Bản Cọ", "", "warning")
    ]
    assert said[0].message() == (
        "Các dòng 11–12 nằm dưới tiêu đề 'Hộ chuyển đi xóm Bản Cọ', là các hộ đã chuyển đi xóm "
        "Bản Cọ, nên không được tính vào xóm Nà Mòn. Xóm Bản Cọ ghi các hộ đó vào danh sách của "
        "xóm mình, giữ nguyên Mã hộ: hãy xóa các dòng đó khỏi danh sách của xóm Nà Mòn (không "
        "ghi 'Thoát': mã hộ sẽ bị trùng với danh sách của xóm Bản Cọ). Nếu các hộ đó vẫn ở xóm "
        "Nà Mòn, hãy xóa tiêu đề đó."
    )


def test_a_moved_out_title_naming_no_hamlet_keeps_the_rows_written_thoat(tmp_path):
    """'Hộ chuyển khỏi xã' over NM7 (poor, row 11) and NM3 (written 'Thoát', row 12): a
    household leaving the commune is written 'Thoát' (session 21), so NM3 stays, read as one
    that left; NM7 is left out. Then 'Hộ chuyển đến từ xóm Bản Cọ' (row 13) ends that part:
    BC1 (poor, row 14) is Nà Mòn's. By hand poor NM1, NM5, NM6, BC1 = 4, near-poor 2, one
    warning (variant 'unnamed') at A11 for row 11 alone."""
    folder = tmp_path / "input"
    folder.mkdir()
    groups = [
        ("Hộ chuyển khỏi xã", [person("NM7", "poor"), person("NM3", "exited")]),
        ("Hộ chuyển đến từ xóm Bản Cọ", [person("BC1", "poor")]),
    ]
    path = with_titles(folder, groups)
    assert _codes_at(path, range(11, 15)) == ["NM7", "NM3", None, "BC1"]
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 2)
    said = [i for i in result.issues if i.code.startswith("rows-")]
    assert [(i.code, i.cell, i.detail, i.instead, i.variant) for i in said] == [
        ("rows-moved-away", "A10", "11", "", "unnamed-one")  # one row (B3), at its title (C3)
    ]
    assert (
        said[0]
        .message()
        .startswith(
            "Dòng 11 nằm dưới tiêu đề 'Hộ chuyển khỏi xã', là hộ đã chuyển đi, nên không "
            "được tính vào xóm Nà Mòn. Nếu hộ chuyển sang xóm khác trong xã, hãy xóa dòng của hộ"
        )
    )
    # `check` says the same, at the same cell
    checked = check_files([folder / "KeHoach_2024.xlsx", path])
    assert [(i.code, i.cell) for i in checked if i.code.startswith("rows-")] == [
        ("rows-moved-away", "A10")
    ]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Hộ chuyển đến từ xóm Bản Cọ", ("in", "")),
        ("Danh sách hộ chuyển đến từ xóm Bản Cọ", ("in", "")),
        ("chuyển đến từ Bản Cọ", ("in", "")),
        ("Hộ nhập khẩu", ("in", "")),
        ("Chuyển từ thôn Bản Cọ", ("in", "")),
        ("II. Hộ chuyển đến", ("in", "")),
        ("Hộ chuyển đi xóm Bản Cọ", ("out", "Bản Cọ")),
        ("Danh sách hộ chuyển đi xóm Bản Cọ", ("out", "Bản Cọ")),
        ("Hộ chuyển đến xóm Bản Cọ", ("out", "Bản Cọ")),
        ("Hộ nghèo chuyển sang thôn Bản Cọ", ("out", "Bản Cọ")),
        ("Hộ chuyển khỏi xã", ("out", "")),
        ("Hộ đã chuyển đi", ("out", "")),
        # no move: a change of list, a hamlet's own title, a note
        ("Hộ nghèo chuyển sang hộ cận nghèo", None),
        ("Chuyển từ hộ nghèo sang hộ cận nghèo", None),
        ("Chuyển về hộ cận nghèo", None),
        ("Danh sách xóm Bản Cọ", None),
        ("Ghi chú: chuyển đến từ xóm Bản Cọ", None),
    ],
)
def test_move_titles_as_heads_write_them(text, read):
    assert move_title(text) == read


def test_the_feedback_status_names_the_rows_that_moved_out_as_not_counted(tmp_path):
    """The head of Nà Mòn reads, in the feedback's status, that rows 11–12 (under 'Hộ chuyển
    đi xóm Bản Cọ') were not counted, beside every household of Nà Mòn counted (before: 'Hộ …'
    was no title, and the two were counted as Nà Mòn's)."""
    folder = tmp_path / "input"
    folder.mkdir()
    gone = [person("NM7", "poor"), person("NM8", "poor")]
    with_titles(folder, [("Hộ chuyển đi xóm Bản Cọ", gone)], restart=True)
    status, _ = feedback_status(folder, "DS_NaMon_2024-05.xlsx")
    assert status.startswith(
        "Danh sách đã được tổng hợp, mọi hộ của xóm Nà Mòn đều được tính; các dòng 11–12 (hộ đã "
        "chuyển đi xóm Bản Cọ) không được tính; có "
    )


# --- 2. the other hamlet named as the plan writes it ------------------------------------------


def test_rows_of_another_hamlet_name_it_as_the_plan_does(tmp_path):
    """BC1 and BC3 under 'DANH SÁCH XÓM BẢN CỌ' (row 10, in capitals, as titles are typed):
    before, the warning named 'xóm BẢN CỌ' as written (the reader has no plan); now the plan's
    'Bản Cọ', the title still quoted as written. `check` with the plan says it alike; without
    the plan, as written."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = with_titles(folder, [("DANH SÁCH XÓM BẢN CỌ", MOVED_IN)])
    result, _ = collect(folder, None, workers=0)
    said = [i for i in result.issues if i.code == "rows-of-other-hamlet"]
    assert [(i.cell, i.value, i.instead) for i in said] == [
        ("A10", "DANH SÁCH XÓM BẢN CỌ", "Bản Cọ")
    ]
    assert (
        said[0]
        .message()
        .startswith(
            "Các dòng 11–12 nằm dưới tiêu đề 'DANH SÁCH XÓM BẢN CỌ', là danh sách của xóm Bản Cọ, "
            "không phải của xóm Nà Mòn, nên không được tính"
        )
    )
    with_plan = check_files([folder / "KeHoach_2024.xlsx", path])
    assert [i.instead for i in with_plan if i.code == "rows-of-other-hamlet"] == ["Bản Cọ"]
    alone = check_files([path])
    assert [i.instead for i in alone if i.code == "rows-of-other-hamlet"] == ["BẢN CỌ"]


def test_a_xom_column_keeps_the_cell_as_written_and_names_the_plans_hamlet(tmp_path):
    """A 'Xóm' column (B) saying 'Nà Mòn' on NM1's row and 'ban co' (no accents, lower case) on
    BC1's (row 8, appended): BC1 is left out as before; the cell is quoted as written, the
    hamlet named as the plan writes it. A hamlet the plan does not have ('Khuổi Tát', row 9)
    is named as written. By hand Nà Mòn keeps NM1, NM6 poor and NM2 near-poor (2, 1)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM6", "poor"),
            person("BC1", "poor"), person("KT1", "poor")]  # fmt: skip
    path = write_roster(folder, "DS_NaMon_2024-05.xlsx", "Nà Mòn", 102, rows)
    with roster_edited(path) as sheet:
        sheet.insert_cols(2)
        sheet["B4"] = "Xóm"
        for r, hamlet in ((5, "Nà Mòn"), (8, "ban co"), (9, "Khuổi Tát")):
            sheet.cell(r, 2, hamlet)
        assert [sheet.cell(r, 3).value for r in (8, 9)] == ["BC1", "KT1"]
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    said = [i for i in result.issues if i.code == "rows-of-other-hamlet"]
    assert [(i.cell, i.value, i.instead) for i in said] == [
        ("B8", "ban co", "Bản Cọ"),
        ("B9", "Khuổi Tát", "Khuổi Tát"),
    ]
    assert (
        said[0]
        .message()
        .startswith(
            "Dòng 8 ghi 'ban co' ở cột 'Xóm', không phải xóm Nà Mòn, nên không được tính: không "
            "tính vào xóm Nà Mòn, cũng không tính cho xóm Bản Cọ."
        )
    )


# --- 3. rows struck through in an .ods ----------------------------------------------------------


def _struck_list(folder: Path, suffix: str, struck: tuple[str, ...]) -> messy.Placed:
    """Nà Mòn's May list (NM1 poor, NM2 near-poor, NM6 poor, NM3 'Thoát'; one header row, so
    households from Excel row 2) in ``suffix``'s format, the Mã hộ and head's name of the
    households ``struck`` struck through (in an .ods, a cell style with
    'style:text-line-through-style="solid"', as LibreOffice writes it; in an .xls, a FONT record
    flagged fStrikeOut, its cells' XF naming it)."""
    write_plan(folder)
    placed = messy.Placed()
    households = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM6", "poor"),
                  person("NM3", "exited")]  # fmt: skip
    roster = messy.roster_sheet(households, messy.Layout(), messy.Typing(), placed)
    for code in struck:
        for key in ("ma_ho", "chu_ho"):
            roster.struck.add(
                (placed.rows[code] - 1, column_index_from_string(placed.cols[key]) - 1)
            )
    info = messy.info_sheet(messy.info_values("Nà Mòn", "2024-05", 102), placed=placed)
    if suffix == ".xls":  # written as an xlsx, then record by record (tests.biff)
        source = messy.write_book(folder.parent / "NaMon_source.xlsx", [roster, info])
        xls_from_xlsx(source, folder / "NaMon.xls")
    else:
        messy.write_book(folder / f"NaMon{suffix}", [roster, info])
    return placed


@pytest.mark.parametrize("suffix", [".ods", ".xls", ".xlsx"])
def test_household_rows_struck_through_in_an_ods_are_said_as_in_an_xlsx(tmp_path, suffix):
    """NM6 (poor) and NM3 ('Thoát') struck through. Before: an .ods or .xls said nothing
    (session 28 read an xlsx's fonts only). Now, as the xlsx: NM6's row is said at its Mã hộ and still
    counted as written; NM3, written 'Thoát', is not said. By hand poor NM1, NM6 = 2,
    near-poor NM2 = 1."""
    folder = tmp_path / "input"
    folder.mkdir()
    placed = _struck_list(folder, suffix, ("NM6", "NM3"))
    row = placed.rows["NM6"]
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    said = [(i.cell, i.detail) for i in result.issues if i.code == "rows-struck-through"]
    assert said == [(placed.cell("NM6", "ma_ho"), str(row))]


def test_an_ods_without_a_struck_cell_is_not_parsed_for_one(tmp_path, monkeypatch):
    """A list of an .ods no style of which strikes text: its sheets are not parsed for struck
    cells at all (the byte search of its styles says so), and nothing is said."""
    folder = tmp_path / "input"
    folder.mkdir()
    _struck_list(folder, ".ods", ())
    parsed = []
    monkeypatch.setattr(odsfonts, "struck_cells_ods", lambda *a: parsed.append(a) or set())
    result, _ = collect(folder, None, workers=0)
    assert (hamlet_figures(result, "Nà Mòn")["poor"], parsed) == (2, [])
    assert [i for i in result.issues if i.code == "rows-struck-through"] == []


def _ods_package(path: Path, styles: str, cells: str, columns: str = "") -> zipfile.ZipFile:
    """A one-sheet .ods ('DS') whose automatic styles are ``styles`` and whose one row holds
    ``cells``; opened."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">'
        f"<office:automatic-styles>{styles}</office:automatic-styles><office:body>"
        f'<office:spreadsheet><table:table table:name="DS">{columns}<table:table-row>{cells}'
        "</table:table-row></table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("content.xml", content)
    return zipfile.ZipFile(path)


def _style(name: str, line: str | None, parent: str = "") -> str:
    props = f'<style:text-properties style:text-line-through-style="{line}"/>' if line else ""
    parent = f' style:parent-style-name="{parent}"' if parent else ""
    return (
        f'<style:style style:name="{name}" style:family="table-cell"{parent}>{props}</style:style>'
    )


def _cell(text: str, style: str = "") -> str:
    style = f' table:style-name="{style}"' if style else ""
    return f'<table:table-cell office:value-type="string"{style}><text:p>{text}</text:p></table:table-cell>'


def test_struck_cells_of_an_ods_by_their_style_its_parent_and_their_column(tmp_path):
    """Row 1: A struck by its own style; B by its parent's; C's style says 'none' over a struck
    parent (not struck); D empty (a struck style on no text: nothing); E no style, its column's
    default cell style struck; F no style in a column without one. By hand: A1, B1, E1."""
    styles = _style("s", "solid") + _style("child", None, "s") + _style("off", "none", "s")
    cells = (
        _cell("NM1", "s") + _cell("NM2", "child") + _cell("NM3", "off")
        + '<table:table-cell table:style-name="s"/>' + _cell("NM4") + _cell("NM5")
    )  # fmt: skip
    columns = (
        '<table:table-column table:number-columns-repeated="4"/>'
        '<table:table-column table:default-cell-style-name="s"/><table:table-column/>'
    )
    package = _ods_package(tmp_path / "a.ods", styles, cells, columns)
    assert odsfonts.strikes_text(package)
    assert odsfonts.struck_cells_ods(package, "DS") == {(0, 0), (0, 1), (0, 4)}
    plain = _ods_package(tmp_path / "b.ods", _style("off", "none"), _cell("NM1", "off"))
    assert not odsfonts.strikes_text(plain)


# --- 4. a '?' alone in a mark cell --------------------------------------------------------------


def test_a_question_mark_alone_in_a_deprivation_cell_is_read_as_an_unsure_mark():
    """Rows 5-10 of 'Việc làm': '?', ' ? ', '？' (full-width), '=?', 'x?', 'a'. The first five
    are marks the head is unsure of: deprived, and noted as written (trimmed); 'a' is still no
    mark. Before, a '?' alone stayed '?' (an error at the cell, the household left out)."""
    written = ["?", " ? ", "？", "=?", "x?", "a"]
    table = normalise_table(Table(list(range(5, 11)), {"td_01": list(written)}), ("td_01",))
    assert table.columns["td_01"] == [True, True, True, True, True, "a"]
    assert table.questioned_marks == {"td_01": {5: "?", 6: "?", 7: "？", 8: "=?", 9: "x?"}}
    assert [vocab.question_alone(w) for w in written] == [True, True, True, True, False, False]


def test_a_question_mark_alone_under_a_deprivation_is_counted_and_said(tmp_path):
    """Nà Mòn's May list (tests.commune.clean_rosters: NM1, NM5, NM6 poor, deprived in td_04,
    td_09, td_10 only; NM2, NM4 near-poor) with M10 (NM6, 'Dinh dưỡng', td_03) '?'. Before:
    invalid-deprivation-mark, an error, NM6 left out (2 poor). Now NM6 counts, deprived in
    td_03: by hand poor NM1, NM5, NM6 = 3, near-poor 2, poor deprived in td_03 = 1; a warning
    at M10 in the words of a '?' alone."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    book = openpyxl.load_workbook(folder / "NaMon.xlsx")
    assert book["Danh sách"]["B10"].value == "NM6"
    book["Danh sách"]["M10"] = "?"
    book.save(folder / "NaMon.xlsx")
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert na_mon["deprivations"]["poor"]["td_03"] == 1
    assert result.summary["issues"]["rows_left_out"] == 0
    said = [i for i in result.issues if "?" in str(i.value)]
    assert [(i.code, i.severity, i.variant, i.cell, i.column) for i in said] == [
        ("questioned-deprivation", "warning", "alone", "M10", "Dinh dưỡng")
    ]
    assert said[0].message("vi") == (
        "Ô chỉ số thiếu hụt 'Dinh dưỡng' chỉ ghi dấu '?' (chưa chắc chắn): đã tính là hộ thiếu "
        "hụt chỉ số này. Hãy thay dấu '?': ghi 'x' nếu hộ đúng là thiếu hụt, để trống nếu không."
    )
    assert said[0].message("en") == (
        "Indicator 'Dinh dưỡng' holds only a question mark (unsure): counted as deprived. "
        "Replace the '?': write 'x' if the household is deprived, leave it blank if not."
    )


def test_a_question_mark_alone_in_a_class_mark_cell_is_counted_as_that_class(tmp_path):
    """'Phân loại hộ' over 'Hộ nghèo | Hộ cận nghèo | Thoát nghèo' (F, G, H; households from
    row 5): NM1 '?' alone under 'Hộ nghèo' (F5), NM2 'x' under 'Hộ cận nghèo'. Before: NM1 was
    invalid-class-mark, left out. Now it is poor, unsure, said at F5 without asking to keep an
    'x' that is not there. By hand 1 poor, 1 near-poor."""
    rows = [
        (1, "NM1", "Lò Văn Một", 1970, 4, "?", None, None),  # row 5
        (2, "NM2", "Lò Văn Hai", 1971, 3, None, "x", None),  # row 6
    ]
    write_plan(tmp_path)
    write_na_mon(tmp_path, marked_sheet(), rows, 4)
    result, _ = collect(tmp_path, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (1, 1)
    said = [i for i in result.issues if "?" in str(i.value)]
    assert [(i.code, i.variant, i.cell, str(i.detail)) for i in said] == [
        ("questioned-classification", "mark-alone", "F5", "Hộ nghèo")
    ]
    assert said[0].message("vi") == (
        "Ô 'Hộ nghèo' chỉ ghi dấu '?' (chưa chắc chắn): đã tính là Hộ nghèo. Nếu "
        "đúng là Hộ nghèo, hãy thay dấu '?' bằng dấu 'x'; nếu không, hãy xóa ô này và đánh dấu "
        "'x' vào đúng cột loại hộ."
    )


def test_a_question_mark_alone_under_dau_ky_alone_reads_as_a_household_that_left(tmp_path):
    """'Phân loại hộ' over 'Đầu kỳ' (F:G) and 'Cuối kỳ' (H:I), households from row 6: NM1 'x'
    at the end (H6), poor; NM3 '?' alone under 'Đầu kỳ Hộ nghèo' (F7), nothing at the end:
    read as a household that left (Thoát), as 'x?' is (session 29), said in the words of a '?'
    alone. By hand 1 poor, 0 near-poor."""
    rows = [
        (1, "NM1", "Lò Văn Một", 1970, 4, None, None, "x", None),  # row 6
        (2, "NM3", "Lò Văn Ba", 1972, 5, "?", None, None, None),  # row 7
    ]
    write_plan(tmp_path)
    write_na_mon(tmp_path, two_times_sheet(), rows, 5)
    result, _ = collect(tmp_path, None, workers=0)
    assert result.households.set_index("ma_ho")["phan_loai"].to_dict() == {
        "NM1": "poor",
        "NM3": "exited",
    }
    said = [i for i in result.issues if "?" in str(i.value)]
    assert [(i.code, i.variant, i.cell, str(i.detail)) for i in said] == [
        ("questioned-classification", "start-mark-alone", "F7", "Thoát")
    ]
    assert (
        said[0]
        .message("vi")
        .startswith(
            f"Ô '{said[0].column}' chỉ ghi dấu '?' (chưa chắc chắn), và cuối kỳ hộ không được đánh "
            "dấu loại nào: đã tính là hộ đã ra khỏi danh sách (Thoát). Nếu đúng, hãy thay dấu '?' "
            "bằng dấu 'x';"
        )
    )
