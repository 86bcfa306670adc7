"""Session 67 (D): a text struck through in part, in the feedback copy and the plan (session 66
H's and RH's Left).

Nà Mòn's May list (`tests.commune`): NM1 poor, NM2 near-poor, NM6 poor in rows 5–7 (session
30 B3's list), its cells rewritten as rich text (H's `struck_list`: a `TextBlock` in
`InlineFont(strike=True)`), kept inline as openpyxl writes them or in the shared strings as
Excel keeps them.

* B7 '~~NM5~~ NM6' and I7 '~~Hộ nghèo~~ Hộ cận nghèo', read 'NM6' and 'Hộ cận nghèo' (H). The
  feedback copy wrote 'NM6' and 'Hộ cận nghèo', and the guide's value column ('Giá trị đã
  ghi') 'NM6', 'Hộ cận nghèo', while the message asks the head to delete the struck text, which
  the copy no longer showed. By hand, as the file holds them: the copy's B7 the runs 'NM5'
  (struck) and ' NM6' (not), I7 'Hộ nghèo' (struck) and ' Hộ cận nghèo'; the guide's value
  column the same texts, struck so ('NM5 NM6', 'Hộ nghèo Hộ cận nghèo'); the messages as
  before, quoting what was read ('NM6', 'Hộ cận nghèo'); figures as H's: poor 1, near-poor 2.
* The header B4 '~~Mã số~~ Mã hộ': the copy's header bold, so both its runs bold, 'Mã số'
  struck.
* The plan's start list C8 (NM5's Mã hộ) '~~NM9~~ NM5' and its 'Thông tin chung' B2 (Tỉnh)
  '~~Bắc Kạn~~ Thái Nguyên': read 'NM5' and 'Thái Nguyên', nothing said. By hand: said at each
  cell as a hamlet's list says it ('text-partly-struck', the same words), pointing at the plan's
  file, sheet, row and, on the start list, its column 'Mã hộ'; the start list still Nà Mòn's 5
  households, NM5 among them.
* B7 '~~NM6~~.' (the code struck, a full stop left): read '.', said "đọc ô này là '.'". By hand:
  the part left says nothing (no letter or digit): the code is struck whole, said as a row
  struck ('rows-struck-through' at B7), counted as written (session 28): poor 2, near-poor 1.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from pipeline.checkfiles import check_files
from pipeline.run import collect, execute
from tests.commune import person, write_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session64_h_copy_runs import with_shared_strings
from tests.test_session66_h_struck_runs import NAME, struck_list

COPY = Path("out") / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
PLAN = "KeHoach_2024.xlsx"

B7_SAID = (
    "Ô B7 có chữ bị gạch ngang ('NM5') bên cạnh chữ không gạch: xã coi phần gạch ngang là chữ "
    "đã bỏ và đọc ô này là 'NM6'. Nếu đúng, hãy xóa hẳn phần chữ bị gạch ngang khỏi ô; nếu "
    "không, hãy sửa lại ô cho đúng và bỏ gạch ngang."
)
I7_SAID = (
    "Ô I7 có chữ bị gạch ngang ('Hộ nghèo') bên cạnh chữ không gạch: xã coi phần gạch ngang là "
    "chữ đã bỏ và đọc ô này là 'Hộ cận nghèo'. Nếu đúng, hãy xóa hẳn phần chữ bị gạch ngang khỏi "
    "ô; nếu không, hãy sửa lại ô cho đúng và bỏ gạch ngang."
)
I7_CLASS = (
    "Phân loại 'Hộ cận nghèo' khác với chuẩn nghèo (thu nhập 1.200.000 đ, 3 chỉ số thiếu hụt: "
    "theo chuẩn là hộ nghèo). Giữ nguyên theo kết quả bình xét của xóm; đề nghị kiểm tra lại."
)


def _runs(cell) -> list[tuple[str, bool, bool]]:
    """A cell's text as (text, bold, struck) per run; a plain text one run in its font."""
    value = cell.value
    if not isinstance(value, CellRichText):
        return [(value, bool(cell.font.b), bool(cell.font.strike))]
    return [
        (str(b), bool(b.font.b), bool(b.font.strike))
        if isinstance(b, TextBlock)
        else (b, False, False)
        for b in value
    ]


def _guide_rows(book) -> dict[str, list[tuple]]:
    """The guide's rows pointing at a cell: cell -> [(value as runs, message)]."""
    guide = book[book.sheetnames[0]]
    found: dict[str, list[tuple]] = {}
    for row in guide.iter_rows(min_row=1):
        if row[0].value == "STT" or not isinstance(row[0].value, int) or not row[2].value:
            continue
        found.setdefault(row[2].value, []).append((_runs(row[5]), row[7].value))
    return found


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_the_copy_shows_a_text_struck_in_part_as_the_file_holds_it(tmp_path, shared):
    """The copy's B7 and I7, and the guide's value column, as the head's file holds them, the
    struck part struck (fails before: 'NM6' and 'Hộ cận nghèo', one run, nothing struck); the
    messages quote what was read, as before; poor 1, near-poor 2."""
    folder, _ = struck_list(
        tmp_path,
        shared,
        B7=[("NM5", True), (" NM6", False)],
        I7=[("Hộ nghèo", True), (" Hộ cận nghèo", False)],
    )
    result, _, _ = execute(folder, tmp_path / "out", "2024-05")
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (1, 2)
    book = openpyxl.load_workbook(tmp_path / COPY, rich_text=True)
    ws = book["Danh sách"]
    assert _runs(ws["B7"]) == [("NM5", False, True), (" NM6", False, False)]
    assert _runs(ws["I7"]) == [("Hộ nghèo", False, True), (" Hộ cận nghèo", False, False)]
    # the cells beside them as before: one plain text
    assert _runs(ws["C7"]) == [("Hoàng Văn NM6", False, False)]
    guide = _guide_rows(book)
    b7 = [("NM5", False, True), (" NM6", False, False)]
    i7 = [("Hộ nghèo", False, True), (" Hộ cận nghèo", False, False)]
    assert guide["B7"] == [(b7, B7_SAID)]
    assert guide["I7"] == [(i7, I7_CLASS), (i7, I7_SAID)]


def test_a_header_struck_in_part_keeps_the_headers_bold(tmp_path):
    """B4 '~~Mã số~~ Mã hộ' (read 'Mã hộ', said at B4): the copy's header bold, both runs
    bold, 'Mã số' struck (fails before: 'Mã hộ' bold, nothing struck)."""
    folder, _ = struck_list(tmp_path, True, B4=[("Mã số", True), (" Mã hộ", False)])
    execute(folder, tmp_path / "out", "2024-05")
    book = openpyxl.load_workbook(tmp_path / COPY, rich_text=True)
    assert _runs(book["Danh sách"]["B4"]) == [("Mã số", True, True), (" Mã hộ", True, False)]
    assert _guide_rows(book)["B4"][0][0] == [("Mã số", False, True), (" Mã hộ", False, False)]


def test_the_guides_value_is_the_text_as_shown_its_struck_words_kept():
    """The guide quotes a cell composed, its spaces one, its ends trimmed (`as_shown`): the
    pieces so made, each keeping its strike ('Hoàng ~~Văn~~  NM6 ' typed decomposed); none
    where a character is taken out (a control character: shown plain)."""
    from pipeline.report.feedback import _pieces_shown

    nfd = "Hoa\u0300ng "
    pieces = ((nfd, False), ("Văn", True), ("  NM6 ", False))
    assert _pieces_shown(pieces) == (("Hoàng ", False), ("Văn", True), (" NM6", False))
    assert _pieces_shown((("NM5", True), ("\x07NM6", False))) == ()


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_a_plans_text_struck_in_part_is_said(tmp_path, shared):
    """The plan's start list C8 '~~NM9~~ NM5' and 'Thông tin chung' B2 '~~Bắc Kạn~~ Thái
    Nguyên': read 'NM5' and 'Thái Nguyên' (as before), now said at each cell in the list's
    words, in the run (in workers too) and `check` (fails before: nothing said)."""
    folder = tmp_path / "input"
    folder.mkdir()
    plan = write_plan(folder)
    rows = [person("NM1", "poor"), person("NM2", "near_poor"), person("NM6", "poor")]
    write_roster(folder, NAME, "Nà Mòn", 102, rows)
    book = openpyxl.load_workbook(plan)
    start, info = book["Danh sách đầu năm"], book["Thông tin chung"]
    assert (start["C3"].value, start["C8"].value, info["A2"].value, info["B2"].value) == (
        "Mã hộ",
        "NM5",
        "Tỉnh",
        "Thái Nguyên",
    )
    struck, plain = InlineFont(strike=True), InlineFont()
    start["C8"] = CellRichText([TextBlock(struck, "NM9"), TextBlock(plain, " NM5")])
    info["B2"] = CellRichText([TextBlock(struck, "Bắc Kạn"), TextBlock(plain, " Thái Nguyên")])
    book.save(plan)
    if shared:
        with_shared_strings(plan, "xl/sharedStrings.xml")
    expected = [
        ("Danh sách đầu năm", "C8", 8, "Mã hộ", "NM9", "NM5"),
        ("Thông tin chung", "B2", 2, "", "Bắc Kạn", "Thái Nguyên"),
    ]
    for workers in (0, 2):
        result, _ = collect(folder, None, workers=workers)
        said = [i for i in result.issues if i.code == "text-partly-struck"]
        assert [(i.file, i.sheet, i.cell, i.row, i.column, i.value, i.instead) for i in said] == [
            (PLAN, *where) for where in expected
        ]
        listed = result.plan.start_list
        assert sorted(listed[listed["hamlet"] == "Nà Mòn"]["ma_ho"]) == [
            "NM1",
            "NM2",
            "NM3",
            "NM4",
            "NM5",
        ]
    assert said[0].severity == "warning"
    assert said[0].message() == (
        "Ô C8 có chữ bị gạch ngang ('NM9') bên cạnh chữ không gạch: xã coi phần gạch ngang là "
        "chữ đã bỏ và đọc ô này là 'NM5'. Nếu đúng, hãy xóa hẳn phần chữ bị gạch ngang khỏi ô; "
        "nếu không, hãy sửa lại ô cho đúng và bỏ gạch ngang."
    )
    checked = check_files([plan])
    assert [(i.sheet, i.cell, i.value, i.instead) for i in checked if i.code == said[0].code] == [
        (sheet, cell, value, instead) for sheet, cell, _, _, value, instead in expected
    ]


@pytest.mark.parametrize("shared", [False, True], ids=["inline", "shared"])
def test_a_code_struck_leaving_a_full_stop_is_struck_whole(tmp_path, shared):
    """B7 '~~NM6~~.': said as a row struck at B7, not read '.' (fails before:
    'text-partly-struck' "… đọc ô này là '.'"), counted as written: poor 2, near-poor 1."""
    folder, _ = struck_list(tmp_path, shared, B7=[("NM6", True), (".", False)])
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (2, 1)
    said = [i for i in result.issues if i.code in ("rows-struck-through", "text-partly-struck")]
    assert [(i.code, i.cell, i.detail, i.variant) for i in said] == [
        ("rows-struck-through", "B7", "7", "one")
    ]


def test_runs_leaving_no_letter_or_digit_strike_the_text_whole():
    """`run_strikes`: a part left of punctuation and spaces ('.', ' - ') strikes the text whole
    (fails before: ('NM6.', 'NM6', '.')); a digit left is a text struck in part; a struck part of
    spaces with a full stop left strikes nothing."""
    from pipeline.sheetscan import run_strikes

    run = b"<r><rPr>%s</rPr><t xml:space='preserve'>%s</t></r>"
    strike = b"<strike/>"
    assert run_strikes(run % (strike, b"NM6") + run % (b"", b"."), False) is True
    # a dash left is a mark ('-': not deprived), a text struck in part (session 67, RD)
    assert run_strikes(run % (strike, b"NM5") + run % (b"<b/>", b" - "), False) == (
        "NM5 - ",
        "NM5",
        " - ",
    )
    assert run_strikes(run % (strike, b"NM5") + run % (b"<b/>", b" ; "), False) is True
    assert run_strikes(run % (strike, b"NM5") + run % (b"", b" 6"), False) == ("NM5 6", "NM5", " 6")
    assert run_strikes(run % (strike, b"  ") + run % (b"", b"."), False) is False
