"""Session 23: a known column's header written twice, or split by months (docs/decisions.md).

Nà Mòn's May list: NM1 poor, NM2 near-poor, NM3 exited, NM4 near-poor, NM5 poor, NM6 poor
(3 poor, 2 near-poor). A second class column beside 'Phân loại hộ' holds an older class:
NM2 'Hộ nghèo' there (read, it would make 4 poor, 1 near-poor). Bản Cọ: BC1, BC2 poor, BC3
near-poor, as written. The list is read as the head means it, or refused: never the first
column silently, never the other one called "not in the template".
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pipeline.checkfiles import check_files
from pipeline.discover import _roster_sheet
from pipeline.read import open_workbook
from pipeline.run import collect
from tests.commune import person, roster_edited, write_plan, write_roster

CLASS_COL = 9  # 'Phân loại hộ' in the template (I)
SIZE_COL = 8  # 'Số nhân khẩu' (H)
CURRENT = {"NM1": "Hộ nghèo", "NM2": "Hộ cận nghèo", "NM3": "Thoát", "NM4": "Hộ cận nghèo",
           "NM5": "Hộ nghèo", "NM6": "Hộ nghèo"}  # fmt: skip
OLDER = {**CURRENT, "NM2": "Hộ nghèo"}
SAID = {"unknown-column", "column-twice", "column-twice-ignored"}


def commune(folder: Path) -> Path:
    write_plan(folder)
    rows = [person(code, {"Hộ nghèo": "poor", "Hộ cận nghèo": "near_poor"}.get(c, "exited"))
            for code, c in CURRENT.items()]  # fmt: skip
    path = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, rows)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")])  # fmt: skip
    return path


def second_column(path: Path, col: int, header, values: dict, *, before: bool,
                   two_rows: tuple | None = None, hide: str = "") -> None:  # fmt: skip
    """A second column of ``col``'s header (``header``) holding ``values`` by Mã hộ, put
    before or after it; ``two_rows``: the two headers written under ``col``'s one, merged
    over both (the older, the current); ``hide``: 'older' or 'current' hides that column."""
    with roster_edited(path, below=0) as sheet:
        sheet.insert_cols(col + (0 if before else 1))
        new = col if before else col + 1
        current = col + 1 if before else col
        sheet.cell(4, new).value = header
        for row in range(5, 11):
            sheet.cell(row, new).value = values[sheet.cell(row, 2).value]
        if two_rows is not None:
            sheet.insert_rows(5)
            older_text, current_text = two_rows
            sheet.cell(5, new).value = older_text
            sheet.cell(5, current).value = current_text
            sheet.cell(4, new).value = sheet.cell(4, current).value
            first, last = min(new, current), max(new, current)
            sheet.cell(4, first).value = sheet.cell(4, current).value
            sheet.cell(4, last).value = None
            sheet.merge_cells(start_row=4, start_column=first, end_row=4, end_column=last)
            for c in range(1, sheet.max_column + 1):
                if c not in (first, last) and sheet.cell(4, c).value is not None:
                    sheet.merge_cells(start_row=4, start_column=c, end_row=5, end_column=c)
        if hide:
            hidden = new if hide == "older" else current
            sheet.column_dimensions[openpyxl.utils.get_column_letter(hidden)].hidden = True


def collect_and_check(folder: Path):
    result, _ = collect(folder, "2024-05", workers=0)
    hamlets = {h["hamlet"]: h for h in result.summary["hamlets"]}
    checked = check_files(sorted(folder.iterdir()))
    return result, hamlets, checked


def columns_said(issues) -> list[tuple]:
    return sorted((i.code, i.cell, i.variant, i.message("vi"), i.message("en"))
                  for i in issues if i.code in SAID)  # fmt: skip


def counted(hamlets: dict, poor: int, near: int) -> None:
    assert (hamlets["Nà Mòn"]["status"], hamlets["Nà Mòn"]["poor"],
            hamlets["Nà Mòn"]["near_poor"]) == ("ok", poor, near)  # fmt: skip
    assert (hamlets["Bản Cọ"]["poor"], hamlets["Bản Cọ"]["near_poor"]) == (2, 1)


@pytest.mark.parametrize("before", [True, False], ids=["older-first", "older-second"])
@pytest.mark.parametrize(
    "times",
    [
        ("Tháng 4", "Tháng 5"),
        ("T4/2024", "T5/2024"),
        ("04/2024", "05/2024"),
        ("Tháng trước", "Tháng này"),
        ("Đầu kỳ", "Cuối kỳ"),
    ],  # fmt: skip
)
def test_a_class_split_by_months_reads_the_lists_month(tmp_path, before, times):
    """'Phân loại hộ' over 'Tháng 4 | Tháng 5' in a May list: May's class is read, whatever
    the columns' order; April's is an earlier time, not read and not said."""
    path = commune(tmp_path)
    second_column(path, CLASS_COL, None, OLDER, before=before, two_rows=times)
    result, hamlets, checked = collect_and_check(tmp_path)
    counted(hamlets, 3, 2)
    assert columns_said(result.issues) == [] == columns_said(checked)


def test_a_month_after_the_lists_own_is_no_earlier_time(tmp_path):
    """'Tháng 5 | Tháng 6' in a May list: May's (the list's month) is read; June's, after it,
    holding the other classes, is not, and said (second QA pass: it was taken for last year's
    June, earlier, and passed over silently)."""
    path = commune(tmp_path)
    second_column(path, CLASS_COL, None, OLDER, before=False, two_rows=("Tháng 6", "Tháng 5"))
    result, hamlets, checked = collect_and_check(tmp_path)
    counted(hamlets, 3, 2)
    for said in (result.issues, checked):
        assert [s[:4] for s in columns_said(said)] == [_later_said("J5", "I5")]


@pytest.mark.parametrize("before", [True, False], ids=["older-first", "older-second"])
def test_a_class_column_twice_that_differs_refuses_the_list(tmp_path, before):
    """Two 'Phân loại hộ' columns that differ (NM2): which is right cannot be told; the list
    is refused, said at both header cells, in a run and in check alike."""
    path = commune(tmp_path)
    second_column(path, CLASS_COL, "Phân loại hộ", OLDER, before=before)
    result, hamlets, checked = collect_and_check(tmp_path)
    assert hamlets["Nà Mòn"]["status"] == "rejected"
    assert (hamlets["Bản Cọ"]["poor"], hamlets["Bản Cọ"]["near_poor"]) == (2, 1)
    vi = ("Cột 'Phân loại hộ' có hai lần (I4 và J4) và hai cột ghi khác nhau ở 1 dòng hộ, đầu "
          "tiên là dòng 6: không biết cột nào đúng nên danh sách chưa được tổng hợp. Hãy xóa "
          "hoặc đổi tên cột không dùng (số liệu cũ có thể ghi là 'Phân loại hộ tháng trước') "
          "rồi gửi lại.")  # fmt: skip
    en = ("Column 'Phân loại hộ' appears twice (I4 and J4) and the two differ in 1 household "
          "row(s), the first row 6: which one is right cannot be told, so the list is not "
          "counted. Delete or rename the column not in use (old figures can be headed 'Phân "
          "loại hộ tháng trước') and send the file again.")  # fmt: skip
    expected = [("column-twice", "I4", "", vi, en), ("column-twice", "J4", "", vi, en)]
    assert columns_said(result.issues) == expected == columns_said(checked)
    assert all(i.severity == "error" and i.file == "NaMon.xlsx"
               for i in result.issues if i.code == "column-twice")  # fmt: skip


def test_the_older_column_renamed_as_the_message_says_is_not_read(tmp_path):
    """The advice followed: the older column headed 'Phân loại hộ tháng trước' is an earlier
    time: the list counts, nothing said."""
    path = commune(tmp_path)
    second_column(path, CLASS_COL, "Phân loại hộ tháng trước", OLDER, before=True)
    result, hamlets, checked = collect_and_check(tmp_path)
    counted(hamlets, 3, 2)
    assert columns_said(result.issues) == [] == columns_said(checked)


@pytest.mark.parametrize("before", [True, False], ids=["older-first", "older-second"])
def test_a_hidden_class_column_twice_reads_the_visible_one(tmp_path, before):
    """The older 'Phân loại hộ' hidden: the one the head sees is read, a warning at the
    hidden one's header cell."""
    path = commune(tmp_path)
    second_column(path, CLASS_COL, "Phân loại hộ", OLDER, before=before, hide="older")
    result, hamlets, checked = collect_and_check(tmp_path)
    counted(hamlets, 3, 2)
    hidden, shown = ("I4", "J4") if before else ("J4", "I4")
    vi = (f"Cột 'Phân loại hộ' có hai lần: cột ở ô {hidden} đang bị ẩn nên không được đọc; đã "
          f"đọc cột đang hiện ở ô {shown}. Nếu cột ẩn chỉ là số liệu cũ, hãy xóa nó để khỏi "
          f"nhầm; nếu cột ẩn mới đúng, hãy xóa cột ở ô {shown} rồi hiện lại cột ẩn và gửi lại.")  # fmt: skip
    said = columns_said(result.issues)
    assert [s[:4] for s in said] == [("column-twice-ignored", hidden, "hidden", vi)]
    assert said == columns_said(checked)
    assert all(i.severity == "warning" for i in result.issues if i.code in SAID)


def test_a_size_column_twice_alike_is_read_with_a_warning(tmp_path):
    """'Số nhân khẩu' twice, the same in every row: read, a warning at the second one."""
    path = commune(tmp_path)
    second_column(path, SIZE_COL, "Số nhân khẩu", {c: 4 for c in CURRENT}, before=False)
    result, hamlets, checked = collect_and_check(tmp_path)
    counted(hamlets, 3, 2)
    vi = ("Cột 'Số nhân khẩu' có hai lần (H4 và I4), ghi giống nhau ở mọi dòng: đã đọc cột H, "
          "không cần sửa. Nên xóa cột thừa để hai cột không bị ghi khác nhau.")  # fmt: skip
    said = columns_said(result.issues)
    assert [s[:4] for s in said] == [("column-twice-ignored", "I4", "", vi)]
    assert said == columns_said(checked)


def test_a_size_column_twice_that_differs_refuses_the_list(tmp_path):
    """'Số nhân khẩu' twice, NM1 7 in the first, 4 in the second: refused, not 7 read."""
    path = commune(tmp_path)
    book = openpyxl.load_workbook(path)
    book["Danh sách"].cell(5, SIZE_COL).value = 7
    book.save(path)
    second_column(path, SIZE_COL, "Số nhân khẩu", {c: 4 for c in CURRENT}, before=False)
    result, hamlets, checked = collect_and_check(tmp_path)
    assert hamlets["Nà Mòn"]["status"] == "rejected"
    said = columns_said(result.issues)
    assert [s[:2] for s in said] == [("column-twice", "H4"), ("column-twice", "I4")]
    assert "ở 1 dòng hộ, đầu tiên là dòng 5" in said[0][3]
    assert said == columns_said(checked)


def test_a_note_column_twice_is_read_as_the_first(tmp_path):
    """'Ghi chú' twice: no figure changes; the first is read, the other said only where it
    holds something else, and never as a column not in the template."""
    path = commune(tmp_path)
    notes = {c: None for c in CURRENT}
    book = openpyxl.load_workbook(path)
    note_col = next(c for c in range(1, 40) if book["Danh sách"].cell(4, c).value == "Ghi chú")
    second_column(path, note_col, "Ghi chú", notes, before=False)
    result, hamlets, checked = collect_and_check(tmp_path)
    counted(hamlets, 3, 2)
    assert columns_said(result.issues) == [] == columns_said(checked)
    book = openpyxl.load_workbook(path)
    book["Danh sách"].cell(6, note_col + 1).value = "chuyển đến từ xóm khác"
    book.save(path)
    result, hamlets, checked = collect_and_check(tmp_path)
    counted(hamlets, 3, 2)
    said = columns_said(result.issues)
    assert [s[:3] for s in said] == [("column-twice-ignored", f"{_letter(note_col + 1)}4", "notes")]
    assert said == columns_said(checked)


def _letter(col: int) -> str:
    return openpyxl.utils.get_column_letter(col)


# --- second QA pass: years, the title's month, a year file, 'cũ', the advice, a later month --


def split(path: Path, col: int, parts: list[tuple[str, dict | None]]) -> None:
    """Column ``col`` split under its header into ``parts`` (sub-header, values by Mã hộ; None
    blank), the other headers merged down over the two header rows."""
    with roster_edited(path, below=0) as sheet:
        sheet.insert_cols(col + 1, len(parts) - 1)
        sheet.insert_rows(5)
        for i, (label, values) in enumerate(parts):
            sheet.cell(5, col + i).value = label
            for row in range(6, 12):
                sheet.cell(row, col + i).value = (
                    values[sheet.cell(row, 2).value] if values else None
                )
        sheet.merge_cells(start_row=4, start_column=col, end_row=4, end_column=col + len(parts) - 1)
        for c in range(1, sheet.max_column + 1):
            if not col <= c < col + len(parts) and sheet.cell(4, c).value is not None:
                sheet.merge_cells(start_row=4, start_column=c, end_row=5, end_column=c)


def _title_only(path: Path, title: str | None = None) -> None:
    """'Kỳ báo cáo' left blank: the list's month is its title's ('… THÁNG 5/2024'), or
    ``title`` instead."""
    book = openpyxl.load_workbook(path)
    info = book["Thông tin"]
    row = next(r for r in range(1, 20) if info.cell(r, 1).value == "Kỳ báo cáo")
    info.cell(row, 2).value = None
    if title is not None:
        book["Danh sách"].cell(1, 1).value = title
    book.save(path)


@pytest.mark.parametrize("before", [True, False], ids=["older-first", "older-second"])
@pytest.mark.parametrize("years", [("Năm 2023", "Năm 2024"), ("Cuối năm 2023", "Cuối năm 2024")])
def test_a_class_split_by_years_reads_the_lists_year(tmp_path, before, years):
    """'Phân loại hộ' over 'Năm 2023 | Năm 2024' in a May 2024 list: a year alone is a time,
    the list's year is now, an earlier year earlier: 2024 read, 2023 neither read nor said
    (was 2023 read first-wins and 2024 "not in the template")."""
    path = commune(tmp_path)
    second_column(path, CLASS_COL, None, OLDER, before=before, two_rows=years)
    result, hamlets, checked = collect_and_check(tmp_path)
    counted(hamlets, 3, 2)
    assert columns_said(result.issues) == [] == columns_said(checked)


@pytest.mark.parametrize(
    "older, current",
    [
        ("Phân loại hộ năm 2023", "Phân loại hộ năm 2024"),
        ("Phân loại hộ cũ", "Phân loại hộ"),
        ("Phân loại hộ (cũ)", "Phân loại hộ"),
        ("Phân loại hộ trước", "Phân loại hộ"),
        ("Phân loại hộ lần trước", "Phân loại hộ"),
        ("Phân loại hộ đầu kỳ", "Phân loại hộ"),
        ("Phân loại hộ năm trước", "Phân loại hộ"),
        ("Phân loại hộ", "Phân loại hộ mới"),
        ("Phân loại hộ", "Phân loại hộ hiện nay"),
        ("Phân loại hộ", "Phân loại hộ cuối kỳ"),
    ],  # fmt: skip
)
@pytest.mark.parametrize("before", [True, False], ids=["older-first", "older-second"])
def test_a_flat_header_naming_its_time_is_read_by_it(tmp_path, before, older, current):
    """A time in a flat header is the same rule as under a split one: 'Phân loại hộ năm 2023'
    | 'Phân loại hộ năm 2024' reads 2024; 'cũ', 'trước', 'lần trước', 'đầu kỳ', 'năm trước'
    mark the older column, 'mới', 'hiện nay', 'cuối kỳ' the current one (were refused as a
    column written twice)."""
    path = commune(tmp_path)
    second_column(path, CLASS_COL, older, OLDER, before=before)
    book = openpyxl.load_workbook(path)
    book["Danh sách"].cell(4, CLASS_COL + 1 if before else CLASS_COL).value = current
    book.save(path)
    result, hamlets, checked = collect_and_check(tmp_path)
    counted(hamlets, 3, 2)
    assert columns_said(result.issues) == [] == columns_said(checked)


def _later_said(cell: str, read: str, month: str = "tháng 6/2024") -> tuple:
    vi = (f"Cột 'Phân loại hộ' có cột {month} (ô {cell}) có ghi số liệu, sau kỳ báo cáo "
          f"05/2024 của danh sách: đã đọc cột của kỳ 05/2024 (ô {read}), không đọc cột "
          f"{month}. Nếu danh sách là của {month}, hãy sửa 'Kỳ báo cáo' rồi gửi lại; nếu "
          "không, không cần sửa.")  # fmt: skip
    return ("column-twice-ignored", cell, "later", vi)


def _later_untold(cell: str, read: str, month: str = "tháng 6/2024") -> tuple:
    """The same, the list's month read from its title ('Kỳ báo cáo' blank): write it there."""
    vi = (f"Cột 'Phân loại hộ' có cột {month} (ô {cell}) có ghi số liệu, sau kỳ báo cáo "
          "05/2024 của danh sách (lấy từ tiêu đề hoặc tên tệp, vì 'Kỳ báo cáo' chưa ghi): đã "
          f"đọc cột của kỳ 05/2024 (ô {read}), không đọc cột {month}. Nếu danh sách là của "
          f"{month}, hãy ghi 'Kỳ báo cáo' là {month} rồi gửi lại; nếu không, không cần sửa.")  # fmt: skip
    return ("column-twice-ignored", cell, "later-untold", vi)


def test_the_month_of_the_lists_title_chooses_the_column(tmp_path):
    """No 'Kỳ báo cáo', a file name naming no month, the title 'THÁNG 5/2024', 'Tháng 4 | 5 |
    6' under 'Phân loại hộ', June filled with other classes: May read (was June's, the latest,
    silently); June, after the list's month and holding values, said at its header cell."""
    path = commune(tmp_path)
    _title_only(path)
    june = {**CURRENT, "NM4": "Hộ nghèo"}
    split(path, CLASS_COL, [("Tháng 4", OLDER), ("Tháng 5", CURRENT), ("Tháng 6", june)])
    result, hamlets, checked = collect_and_check(tmp_path)
    counted(hamlets, 3, 2)
    for said in (result.issues, checked):
        # (the month is the title's, 'Kỳ báo cáo' blank: that is where June would be written)
        assert [s[:4] for s in columns_said(said)] == [_later_untold("K5", "J5")]
    en = [s[4] for s in columns_said(result.issues)]
    assert en == [
        "Column 'Phân loại hộ' has a column of month 6/2024 (at K5) holding figures, after the "
        "list's period 05/2024 (taken from its title or file name, 'Kỳ báo cáo' being blank): "
        "the column of 05/2024 (at J5) was read, not that of month 6/2024. If the list is of "
        "month 6/2024, write month 6/2024 in 'Kỳ báo cáo' and send it again; if not, nothing "
        "to fix."
    ]
    assert all(i.severity == "warning" for i in result.issues if i.code in SAID)


@pytest.mark.parametrize("period_from", ["title", "Kỳ báo cáo", "nowhere"])
def test_a_year_file_filled_up_to_the_lists_month_reads_it(tmp_path, period_from):
    """'Tháng 1' … 'Tháng 12' under 'Phân loại hộ', filled up to May (June on blank): May read,
    whether the month is the title's, 'Kỳ báo cáo''s or nowhere (then the latest month
    holding values, not the blank December: the list is refused for its period alone, no
    class is blank); the blank months to come are not said (were June's blank column read:
    every household an error, the list refused)."""
    path = commune(tmp_path)
    if period_from != "Kỳ báo cáo":
        _title_only(path, None if period_from == "title" else "DANH SÁCH HỘ NGHÈO XÓM NÀ MÒN")
    parts = [(f"Tháng {m}", OLDER if m < 5 else CURRENT if m == 5 else None) for m in range(1, 13)]
    split(path, CLASS_COL, parts)
    result, hamlets, checked = collect_and_check(tmp_path)
    assert columns_said(result.issues) == [] == columns_said(checked)
    if period_from == "nowhere":  # refused for its period alone; May's column is the one read
        assert hamlets["Nà Mòn"]["status"] == "rejected"
        assert {i.code for i in checked if i.severity == "error"} == {"invalid-period"}
        _, header = _roster_sheet(open_workbook(path))
        assert header.columns["phan_loai"] == (CLASS_COL + 4 - 1, "Phân loại hộ Tháng 5")
        return
    counted(hamlets, 3, 2)
    assert not [i for i in [*result.issues, *checked] if i.code == "invalid-classification"]


def test_a_later_month_holding_values_is_said(tmp_path):
    """'Kỳ báo cáo' 05/2024, 'Tháng 5 | Tháng 6', June filled otherwise: May read, June said
    (the list may be June's with last month's 'Kỳ báo cáo' left in); blank, nothing said."""
    path = commune(tmp_path)
    split(path, CLASS_COL, [("Tháng 5", CURRENT), ("Tháng 6", OLDER)])
    result, hamlets, checked = collect_and_check(tmp_path)
    counted(hamlets, 3, 2)
    for said in (result.issues, checked):
        assert [s[:4] for s in columns_said(said)] == [_later_said("J5", "I5")]
    path = commune(tmp_path)
    split(path, CLASS_COL, [("Tháng 5", CURRENT), ("T6/2024", None)])
    result, hamlets, checked = collect_and_check(tmp_path)
    counted(hamlets, 3, 2)
    assert columns_said(result.issues) == [] == columns_said(checked)


@pytest.mark.parametrize(
    "time, advised", [("Tháng 5", "Tháng 4"), ("T5/2024", "Tháng 4/2024"), ("Năm 2024", "Năm 2023")]
)
def test_a_column_twice_naming_one_time_advises_the_older_ones_time(tmp_path, time, advised):
    """'Tháng 5' twice, the two differing: refused as before, but the advice is to correct
    the old column's time ('Tháng 4'), not to head it 'Phân loại hộ Tháng 5 tháng trước'."""
    path = commune(tmp_path)
    split(path, CLASS_COL, [(time, CURRENT), (time, OLDER)])
    result, hamlets, checked = collect_and_check(tmp_path)
    assert hamlets["Nà Mòn"]["status"] == "rejected"
    said = columns_said(result.issues)
    assert [s[:3] for s in said] == [
        ("column-twice", "I5", "timed"),
        ("column-twice", "J5", "timed"),
    ]
    assert said[0][3] == (
        f"Cột 'Phân loại hộ {time}' có hai lần (I5 và J5) và hai cột ghi khác nhau ở 1 dòng hộ, "
        "đầu tiên là dòng 7: không biết cột nào đúng nên danh sách chưa được tổng hợp. Hãy xóa "
        "cột không dùng; nếu đó là số liệu cũ, hãy sửa thời gian ghi ở tiêu đề của nó cho đúng "
        f"(ví dụ '{advised}') rồi gửi lại."
    )
    assert "tháng trước" not in said[0][3] and f"(such as '{advised}')" in said[0][4]
    assert said == columns_said(checked)


def test_a_column_split_by_sex_under_its_header_is_said_by_its_own_name_and_cell(tmp_path):
    """'Số nhân khẩu' merged over 'Tổng | Nam | Nữ' (H4:J4, the parts in row 5): the size is
    read from 'Tổng'; 'Nam' and 'Nữ' are no template column, said at their own cells, I5 and
    J5, by their whole name. They were said as 'Số nhân khẩu' at I4 and J4, inside the merged
    parent: a name the template has, at a cell the feedback's yellow could not be seen in."""
    path = commune(tmp_path)
    sheet = openpyxl.load_workbook(path)["Danh sách"]
    sizes = {sheet.cell(r, 2).value: sheet.cell(r, SIZE_COL).value for r in range(5, 11)}
    men = {code: 1 for code in sizes}
    women = {code: size - 1 for code, size in sizes.items()}
    split(path, SIZE_COL, [("Tổng", sizes), ("Nam", men), ("Nữ", women)])
    result, hamlets, checked = collect_and_check(tmp_path)
    counted(hamlets, 3, 2)
    read = result.households[result.households["hamlet"] == "Nà Mòn"]
    assert dict(zip(read["ma_ho"], read["nhan_khau"], strict=True)) == sizes
    said = [(code, cell, vi) for code, cell, _, vi, _ in columns_said(result.issues)]
    assert said == [
        ("unknown-column", "I5", "Cột 'Số nhân khẩu Nam' không có trong mẫu nên không được "
         "tổng hợp. Không cần sửa nếu cột này chỉ để ghi chú."),
        ("unknown-column", "J5", "Cột 'Số nhân khẩu Nữ' không có trong mẫu nên không được "
         "tổng hợp. Không cần sửa nếu cột này chỉ để ghi chú."),
    ]  # fmt: skip
    assert columns_said(checked) == columns_said(result.issues)
