"""Session 54 (helper H): the consolidated workbook as the officer sees it in a spreadsheet
(LibreOffice's print view and screen, docs/decisions.md): a note written in one narrow column
with wrapping on, in a row of one line, showed its first word alone.

The small commune (tests.commune) in May 2024, every hamlet's list as its start list: Nà Mòn
NM1-NM3 poor, NM4-NM5 near-poor (100 households); Bản Cọ BC1, BC2 poor, BC3 near-poor (200);
Đồng Kè DK1 poor, DK2 near-poor (150). No household moved since the start of the year."""

from __future__ import annotations

import openpyxl

from pipeline.report.cells import CHARS_PER_WIDTH
from pipeline.run import execute
from tests.commune import new_commune, person, write_roster

# The household list's columns on 'Biến động', A to I, in Excel's width units (STT 5, Xóm 16,
# Mã hộ 13, Họ và tên 20, Danh sách 12, Biến động 20, Đầu năm 14, Hiện tại 14, Phạm vi 15).
LIST_WIDTHS = [5, 16, 13, 20, 12, 20, 14, 14, 15]


def _may_as_at_the_start(tmp_path):
    """May's run of the three lists as the start list writes them; returns the workbook."""
    folder, out = new_commune(tmp_path)
    lists = {
        ("NaMon.xlsx", "Nà Mòn", 100): [("NM1", "poor"), ("NM2", "poor"), ("NM3", "poor"),
                                        ("NM4", "near_poor"), ("NM5", "near_poor")],
        ("BanCo.xlsx", "Bản Cọ", 200): [("BC1", "poor"), ("BC2", "poor"), ("BC3", "near_poor")],
        ("DongKe.xlsx", "Đồng Kè", 150): [("DK1", "poor"), ("DK2", "near_poor")],
    }  # fmt: skip
    for (name, hamlet, total), rows in lists.items():
        write_roster(folder, name, hamlet, total, [person(code, c) for code, c in rows])
    execute(folder, out, "2024-05")
    return openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")


# XlsxWriter stores a column of width w (w >= 1) as w plus 5 pixels of padding (7 a unit),
# cut to 1/256: 24 as 24.7109375
PADDING = 0.71


def _span(sheet, cell) -> tuple[str, float]:
    """The merged range holding ``cell`` (or the cell alone) and its width as written (Excel's
    units, less the padding), each column's width read from the range that sets it."""
    widths = {}
    for dim in sheet.column_dimensions.values():
        for col in range(dim.min, dim.max + 1):
            widths[col] = round(dim.width - PADDING, 1)
    for merged in sheet.merged_cells.ranges:
        if merged.min_row == cell.row and merged.min_col == cell.column:
            width = sum(widths[c] for c in range(merged.min_col, merged.max_col + 1))
            return str(merged), width
    return cell.coordinate, widths[cell.column]


def test_no_household_moved_is_said_over_the_lists_columns_on_one_line(tmp_path):
    """'Biến động', no household moved: under 'DANH SÁCH HỘ CÓ BIẾN ĐỘNG', 'Không có hộ nào
    biến động.' (26 characters). Before: written in column A alone, 5 wide (5 characters a
    line), wrapping on, in a row of one line: the print and the screen showed 'Không' and the
    top of the next word. Now it is merged over the list's 9 columns, A to I, 129 wide (141
    characters a line): one line, the row left at one line's height."""
    sheet = _may_as_at_the_start(tmp_path)["Biến động"]
    [title] = [r[0] for r in sheet.iter_rows() if r[0].value == "DANH SÁCH HỘ CÓ BIẾN ĐỘNG"]
    note = sheet.cell(title.row + 1, 1)
    assert note.value == "Không có hộ nào biến động."
    span, width = _span(sheet, note)
    assert (span, width) == (f"A{note.row}:I{note.row}", sum(LIST_WIDTHS))
    assert int(width * CHARS_PER_WIDTH) >= len(note.value)
    assert (sheet.row_dimensions[note.row].height or 15.75) <= 15.75


def test_the_trend_charts_data_note_is_on_one_line_over_its_months(tmp_path):
    """'Xu hướng', beside the print area (not printed, seen on screen when the officer scrolls
    right): the chart's data under 'Số liệu biểu đồ (không in; tháng chưa tổng hợp: chỉ có lộ
    trình chỉ tiêu)' (73 characters). Before: in column J alone, 24 wide (26 characters a line:
    3 lines), wrapping on, in a row of one line, its second line over the 'Tháng' header under
    it. Now it is merged over the data's columns, J (24) and its 13 months K to W ('Đầu năm',
    'Tháng 1' … 'Tháng 12', 11 each): 24 + 13 × 11 = 167 wide, one line."""
    sheet = _may_as_at_the_start(tmp_path)["Xu hướng"]
    [note] = [c for r in sheet.iter_rows() for c in r
              if isinstance(c.value, str) and c.value.startswith("Số liệu biểu đồ")]  # fmt: skip
    assert note.value == "Số liệu biểu đồ (không in; tháng chưa tổng hợp: chỉ có lộ trình chỉ tiêu)"
    assert note.column_letter == "J"
    header = [sheet.cell(note.row + 1, c).value for c in range(10, 24)]
    assert header == ["Tháng", "Đầu năm", *(f"Tháng {m}" for m in range(1, 13))]
    span, width = _span(sheet, note)
    assert (span, width) == (f"J{note.row}:W{note.row}", 24 + 13 * 11)
    assert int(width * CHARS_PER_WIDTH) >= len(note.value)


# --- the household lists' 'Mã hộ' column as wide as its longest code ---------------------------


def _twelve_digit_commune(tmp_path):
    """May 2024 of the small commune whose start list numbers its 10 households in 12 digits,
    '001204000001' … '001204000010' (tests.id_cells.renumbered: a commune's own numbering, as
    session 53 posts it), each hamlet's list as that start list; returns the workbook."""
    from pipeline.template import write_plan_workbook
    from tests.commune import PLAN_INFO, plan_hamlets
    from tests.id_cells import renumbered

    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    start, _ = renumbered(lambda n: f"0012040{n:05d}")
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), start)
    for hamlet, name, total in (("Nà Mòn", "NaMon.xlsx", 100), ("Bản Cọ", "BanCo.xlsx", 200),
                                ("Đồng Kè", "DongKe.xlsx", 150)):  # fmt: skip
        rows = [{k: v for k, v in r.items() if k not in ("hamlet", "stt")}
                for r in start if r["hamlet"] == hamlet]  # fmt: skip
        write_roster(folder, name, hamlet, total, rows)
    execute(folder, out, "2024-05")
    return openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")


def test_a_twelve_digit_code_is_whole_in_the_household_lists(tmp_path):
    """'DS hộ nghèo' and 'DS hộ cận nghèo', column C 'Mã hộ': the commune's codes of 12 digits.
    In Times New Roman 11 a digit is half an em, 7.33 pixels; 12 digits 88 pixels, 5 % more
    (the margin every measure here keeps) and 3 of the cell's padding: 95.4 pixels, a width of
    (95.4 - 5) / 7 = 12.9, so 13 to the next half unit. Before: the column was 11 wide (82
    pixels) whatever the codes, and LibreOffice printed '00120400000' of '001204000001', the
    last digit cut, every household's code the same to the eye. Now the column is 13 wide.
    A list of codes that fit (the shipped sample's 'TL.01.001') keeps its 11."""
    book = _twelve_digit_commune(tmp_path)
    for name in ("DS hộ nghèo", "DS hộ cận nghèo"):
        sheet = book[name]
        [head] = [c for r in sheet.iter_rows(max_row=12) for c in r if c.value == "Mã hộ"]
        assert head.column_letter == "C"
        codes = [sheet.cell(r, 3).value for r in range(head.row + 2, sheet.max_row + 1)]
        assert "001204000001" in codes or "001204000004" in codes
        assert _span(sheet, sheet.cell(head.row + 2, 3)) == (f"C{head.row + 2}", 13.0)
    assert 88 * 1.05 + 3 <= 7 * 13 + 5  # 95.4 pixels in 96


def test_the_samples_codes_keep_the_lists_code_column(tmp_path):
    """Guard: the small commune's codes ('NM1' …) fit the 11 the list has always had."""
    sheet = _may_as_at_the_start(tmp_path)["DS hộ nghèo"]
    assert _span(sheet, sheet["C9"]) == ("C9", 11.0)
