"""Session 49: names with numbers in natural order; 'Biến động''s move-out rows one line;
LibreOffice's pages (docs/decisions.md, the "Session 49:" sections).

Session 48's Vietnamese alphabetical order (`text.vi_key`) compared the numbers inside names
digit by digit, as text: 'Xóm 10' came before 'Xóm 2', 'DS_10-2024.xlsx' before
'DS_9-2024.xlsx'. An officer counts: Xóm 2, Xóm 9, Xóm 10."""

from __future__ import annotations

import openpyxl

from pipeline.text import vi_key
from pipeline.types import Issue, in_order
from tests.commune import person, write_plan, write_roster
from tests.test_session48_vi_order import files_reported


def test_numbers_in_names_sort_by_their_value():
    """Worked by hand: a number counts by its value, whatever its digits (2 < 9 < 10 < 100);
    '9A' after '9' (a name going on after the number comes after it ends) and before 10; a
    number before any letter ('Xóm 10' < 'Xóm Mới', as digits were); 'Xóm 02' and 'Xóm 2' are
    the same number, ordered by their text ('0' before '2'); case still not mattering ('xóm 1'
    first), the tone marks still only between names alike ('Xom 3' < 'Xóm 3'); a month of a
    file name by its value too ('T9' < 'T10')."""
    names = ["Xóm 10", "Xóm 2", "Xóm 9A", "Xóm Mới", "Xóm 9", "Xóm 100", "xóm 1", "Xóm 02",
             "Xóm 3", "Xom 3", "DS_T10.xlsx", "DS_T9.xlsx", "Đội 12", "Đội 3"]  # fmt: skip
    assert sorted(names, key=vi_key) == [
        "DS_T9.xlsx", "DS_T10.xlsx", "Đội 3", "Đội 12", "xóm 1", "Xóm 02", "Xóm 2", "Xom 3",
        "Xóm 3", "Xóm 9", "Xóm 9A", "Xóm 10", "Xóm 100", "Xóm Mới",
    ]  # fmt: skip


def test_the_alphabet_and_signs_around_numbers_are_unchanged():
    """A number against a sign or a letter in the same place sorts as its first digit did:
    after a space, '-' and '.', before '_' and every letter ('Xóm 1' < 'Xóm 1 Mới' <
    'Xóm 1-2' < 'Xóm 1.5' < 'Xóm 12' < 'Xóm 1_b' < 'Xóm 1A'); zero ('Xóm 0') before one, a long
    number after a short one ('Tổ 99' < 'Tổ 1000000000', ten digits)."""
    names = ["Xóm 1A", "Xóm 1_b", "Xóm 12", "Xóm 1.5", "Xóm 1-2", "Xóm 1 Mới", "Xóm 1",
             "Xóm 0", "Tổ 1000000000", "Tổ 99"]  # fmt: skip
    assert sorted(names, key=vi_key) == [
        "Tổ 99", "Tổ 1000000000", "Xóm 0", "Xóm 1", "Xóm 1 Mới", "Xóm 1-2", "Xóm 1.5",
        "Xóm 1_b", "Xóm 1A", "Xóm 12",
    ]  # fmt: skip


def test_lines_of_numbered_hamlets_in_natural_order():
    """`check`'s and 'Lỗi dữ liệu''s order (`in_order`): Xóm 2, Xóm 9, Xóm 10, then the files of
    no hamlet ds_2.xlsx, ds_10.xlsx (before: Xóm 10 first, ds_10 before ds_2; fails before)."""
    at = lambda hamlet, file: Issue("invalid-birth-year", file=file, sheet="DS", row=5,  # noqa: E731
                                    cell="D5", hamlet=hamlet)  # fmt: skip
    issues = [at("Xóm 10", "Xom10.xlsx"), at("", "ds_10.xlsx"), at("Xóm 2", "Xom2.xlsx"),
              at("", "ds_2.xlsx"), at("Xóm 9", "Xom9.xlsx")]  # fmt: skip
    assert [(i.hamlet, i.file) for i in in_order(issues)] == [
        ("Xóm 2", "Xom2.xlsx"), ("Xóm 9", "Xom9.xlsx"), ("Xóm 10", "Xom10.xlsx"),
        ("", "ds_2.xlsx"), ("", "ds_10.xlsx"),
    ]  # fmt: skip


def test_merged_from_in_natural_order():
    """The JSON's `merged_from`: Xóm 2, Xóm 9, Xóm 10 (before: Xóm 10, Xóm 2, Xóm 9; fails
    before)."""
    from pipeline.trend import merges_named

    merges = dict.fromkeys(["Xóm 10", "Xóm 2", "Xóm 9"], "Nà Mòn")
    figs = merges_named("2024-05", [{"hamlet": "Nà Mòn"}], merges, [])
    assert figs[0]["merged_from"] == ["Xóm 2", "Xóm 9", "Xóm 10"]


def test_other_files_in_natural_order(tmp_path):
    """'Nộp báo cáo', 'Các tệp khác': four files that are no workbook, refused alike, by name:
    DS_T2, DS_T9, DS_T10, DS_T11 (before: DS_T10, DS_T11, DS_T2, DS_T9; fails before). The
    hamlet table above keeps the plan's order (Nà Mòn, Bản Cọ, Đồng Kè)."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    for file, hamlet, code in (("NaMon.xlsx", "Nà Mòn", "NM"), ("BanCo.xlsx", "Bản Cọ", "BC"),
                               ("DongKe.xlsx", "Đồng Kè", "DK")):  # fmt: skip
        write_roster(folder, file, hamlet, 100, [person(f"{code}1", "poor")])
    names = ["DS_T10.xlsx", "DS_T2.xlsx", "DS_T11.xlsx", "DS_T9.xlsx"]
    others, hamlets = files_reported(folder, tmp_path / "ra", names,
                                     ("NaMon.xlsx", "BanCo.xlsx", "DongKe.xlsx"))  # fmt: skip
    assert others == ["DS_T2.xlsx", "DS_T9.xlsx", "DS_T10.xlsx", "DS_T11.xlsx"]
    assert hamlets == ["Nà Mòn", "Bản Cọ", "Đồng Kè"]


def test_a_move_out_row_is_one_line_its_reason_under_the_list(tmp_path):
    """May against the start list (test_year_changes.write_moved_may): NM3 (poor) moved from Nà Mòn to
    Bản Cọ, NM5 (near-poor) from Nà Mòn to Đồng Kè. 'Biến động''s list, in the plan's order:
    Nà Mòn's two moves out read 'Chuyển sang Bản Cọ' (18 characters) and 'Chuyển sang Đồng Kè'
    (19), the moves in 'Chuyển đến từ Nà Mòn' (20): each within the 22 characters of 'Biến
    động''s 20 widths, so every row is one line (15.75 pt, the sheet's row). Before: 'Chuyển
    sang xóm Bản Cọ (vẫn trong danh sách của xã)' (51 characters) took three lines, 45 pt, and
    'Chuyển đến từ xóm Nà Mòn' (24) two, 30 pt (fails before). The row right under the list
    says why a move out is no exit, once, merged A:I. Session 54: measured letter by letter,
    'Chuyển đến từ Nà Mòn' (9468 thousandths of an em) is wider than the 9220 a line of 20
    widths holds (cells.text_lines): the moves in take two lines, 30 pt; the moves out (8472,
    9082) one."""
    from pipeline.run import execute
    from tests.test_year_changes import write_moved_may

    folder, out = tmp_path / "input", tmp_path / "output"
    write_moved_may(folder)
    execute(folder, out, None)
    sheet = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Biến động"]
    [head] = [r[0].row for r in sheet.iter_rows() if r[2].value == "Mã hộ"]
    rows = [(sheet.cell(r, 2).value, sheet.cell(r, 3).value, sheet.cell(r, 6).value,
             sheet.row_dimensions[r].height) for r in range(head + 1, head + 5)]  # fmt: skip
    assert rows == [
        ("Nà Mòn", "NM3", "Chuyển sang Bản Cọ", 15.75),
        ("Nà Mòn", "NM5", "Chuyển sang Đồng Kè", 15.75),
        ("Bản Cọ", "NM3", "Chuyển đến từ Nà Mòn", 30),
        ("Đồng Kè", "NM5", "Chuyển đến từ Nà Mòn", 30),
    ]
    assert sheet.cell(head + 5, 1).value == (
        "Chuyển sang …: hộ chuyển sang xóm khác trong xã, vẫn trong danh sách của xã (không tính"
        " là thoát)."
    )
    assert f"A{head + 5}:I{head + 5}" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.cell(head + 6, 1).value is None  # no other reason: no other row is so


def test_a_move_whose_hamlet_is_not_known_reads_the_tables_column():
    """A move out or in with no hamlet named reads the tables' column name ('Chuyển sang xóm
    khác', 'Chuyển đến từ xóm khác'), not 'Chuyển sang ' with nothing after it (before:
    'Chuyển sang xóm  (vẫn trong danh sách của xã)'; fails before)."""
    from pipeline.report.movements import _movement_label

    assert _movement_label("vi", "poor", "moved_out", None) == "Chuyển sang xóm khác"
    assert _movement_label("vi", "poor", "moved_in", "") == "Chuyển đến từ xóm khác"
    assert _movement_label("en", "poor", "moved_out", "Bản Cọ") == "Moved to Bản Cọ"


def _sheet_of_rows(count: int, brk: int | None = None):
    """A sheet of ``count`` rows 15.75 pt tall (21 pixels as written: 15.75 pt again) in
    columns A:J of width 10 (75 pixels each: 750 pixels, 562.5 pt, narrower than A4
    landscape's 784.3 pt: printed at 100 %), laid out by `page_setup`, a manual break before
    row ``brk`` set as the page estimates do."""
    from types import SimpleNamespace

    import xlsxwriter

    from pipeline.report.styles import page_setup

    wb = xlsxwriter.Workbook(None, {"in_memory": True})
    ws = wb.add_worksheet("Thiếu hụt")
    ws.set_column(0, 9, 10)
    for r in range(count):
        ws.set_row(r, 15.75)
        ws.write_string(r, 0, f"dòng {r + 1}")
    if brk is not None:
        ws.set_h_pagebreaks([brk])
    page_setup(SimpleNamespace(lang="vi"), ws, None, None)
    return ws


def test_rows_between_the_two_page_estimates_print_on_one_page():
    """A page holds 516.1 pt (A4 landscape's 595.3 less 1.1" of margins), Excel's smaller
    estimate 96 % of it (495.46 pt), its larger 102 % (526.42 pt); LibreOffice prints these
    columns at 100 % too. 32 rows (504 pt) and 33 (519.75 pt) fit the larger page but not
    the smaller: the sheet prints one page wide and one tall, its break (set for the smaller
    page) gone, so LibreOffice no longer prints two pages. 31 rows (488.25 pt) fit the
    smaller page and 34 (535.5 pt) no page: one page wide, any number tall, the break kept,
    as before (fails before: 1 × 0 and the break for 32 and 33)."""
    for count in (32, 33):
        ws = _sheet_of_rows(count, brk=count - 2)
        assert (ws.fit_page, ws.fit_width, ws.fit_height, ws.hbreaks) == (1, 1, 1, [])
    for count in (31, 34):
        ws = _sheet_of_rows(count, brk=count - 2)
        assert (ws.fit_page, ws.fit_width, ws.fit_height, ws.hbreaks) == (1, 1, 0, [count - 2])


def test_thieu_hut_of_three_hamlets_prints_on_one_page(tmp_path):
    """The three hamlets' May (test_year_changes.write_moved_may). 'Thiếu hụt' (16 columns, 1,272
    pixels: 954 pt, printed at 784.3 ÷ 954 = 82 %) is 615.0 pt of rows: more than Excel's
    smaller page (516.1 × 0.96 ÷ 0.82 = 604.2 pt), less than its larger (642.0 pt). It
    printed two pages, part II on the second (a break before row 17, session 48's Left); now
    one page wide and one tall, no break (fails before). 'Nguyên nhân' (1,337 pixels: 78 %;
    755.2 pt, more than 516.1 × 1.02 ÷ 0.78 = 674.9) keeps its break before row 16 and prints
    any number of pages tall; 'Nộp báo cáo' (444.0 pt, less than 495.5 at 100 %) is as
    before."""
    from pipeline.run import execute
    from tests.test_year_changes import write_moved_may

    folder, out = tmp_path / "input", tmp_path / "output"
    write_moved_may(folder)
    execute(folder, out, None)
    book = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")

    def printed(name):
        ws = book[name]
        # (no fitToHeight in the file: its default, 1)
        return ws.page_setup.fitToHeight, [b.id + 1 for b in ws.row_breaks.brk]

    assert printed("Thiếu hụt") == (None, [])
    assert printed("Nguyên nhân") == (0, [16])
    assert printed("Nộp báo cáo") == (0, [])
