"""Rosters edited by hand in ways that used to lose households silently (found by fuzzing)."""

from __future__ import annotations

import openpyxl

from pipeline.run import collect
from tests.commune import clean_rosters, write_plan


def _na_mon(folder):
    result, _ = collect(folder, None)
    figures = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    vanished = [i for i in result.issues if i.code == "vanished-household"]
    return (figures["poor"], figures["near_poor"]), vanished


def _edit(folder, change) -> None:
    path = folder / "NaMon.xlsx"
    book = openpyxl.load_workbook(path)
    change(book["Danh sách"])
    book.save(path)


def _header_row(sheet) -> int:
    return next(row[0].row for row in sheet.iter_rows() if row[1].value == "Mã hộ")


def test_the_layout_this_file_assumes(tmp_path):
    """Nà Mòn: NM1 poor, NM2 near-poor, NM3 exited, NM4 near-poor, NM5, NM6 poor: 3 and 2."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    assert _na_mon(tmp_path) == ((3, 2), [])


def test_a_header_cell_merged_with_the_empty_cell_under_it_keeps_the_first_household(tmp_path):
    """'Ghi chú' merged down over the first household's empty note: row 5 is still NM1's."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)

    def merge(sheet):
        head = _header_row(sheet)
        col = next(c.column_letter for c in sheet[head] if c.value == "Ghi chú")
        assert sheet[f"{col}{head + 1}"].value is None and sheet[f"B{head + 1}"].value == "NM1"
        sheet.merge_cells(f"{col}{head}:{col}{head + 1}")

    _edit(tmp_path, merge)
    assert _na_mon(tmp_path) == ((3, 2), [])


def test_a_date_line_inside_the_list_does_not_end_it(tmp_path):
    """A 'Ngày … tháng … năm …' line between NM2 and NM3 (a signature row copied up): the four
    households under it are still read."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)

    def date_line(sheet):
        row = _header_row(sheet) + 3
        sheet.insert_rows(row)
        sheet[f"R{row}"] = "Ngày 01 tháng 06 năm 2024"

    _edit(tmp_path, date_line)
    assert _na_mon(tmp_path) == ((3, 2), [])


def test_the_signature_block_under_the_list_still_ends_it(tmp_path):
    """Under the signature block (date, titles, a blank row, the signer's name) a copy of two
    households pasted for reference is not read: the list ended at the signature."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)

    def below(sheet):
        last = max(c.row for c in sheet["B"] if c.value)
        copy = [c.value for c in sheet[_header_row(sheet) + 1]]
        sheet[f"R{last + 2}"] = "Ngày 01 tháng 06 năm 2024"
        sheet[f"R{last + 3}"] = "Trưởng xóm"
        sheet[f"R{last + 6}"] = "Hoàng Văn Toàn"
        for offset in (8, 9):
            for col, value in enumerate(copy, start=1):
                sheet.cell(last + offset, col, value)

    _edit(tmp_path, below)
    assert _na_mon(tmp_path) == ((3, 2), [])


def test_the_summary_page_says_when_household_rows_are_not_counted(tmp_path):
    """NM2's classification unreadable: the row is left out of every figure, and the page the
    chairman signs says so under 'complete 3/3' rather than only on the Errors sheet."""
    from pipeline.run import execute

    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)

    def unreadable(sheet):
        row = _header_row(sheet) + 2
        col = next(c.column_letter for c in sheet[_header_row(sheet)] if c.value == "Phân loại hộ")
        assert sheet[f"B{row}"].value == "NM2"
        sheet[f"{col}{row}"] = "chưa rõ"

    _edit(folder, unreadable)
    result = execute(folder, tmp_path / "out", None)[0]
    assert result.summary["issues"]["rows_left_out"] == 1
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 1)
    sheet = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx")
    texts = [
        c.value for row in sheet["Tổng hợp"].iter_rows() for c in row if isinstance(c.value, str)
    ]
    assert (
        "Còn 1 dòng hộ có lỗi chưa được tính vào số liệu dưới đây (xem trang 'Lỗi dữ "
        "liệu'); tỷ lệ và kết quả giảm nghèo sẽ thay đổi khi các xóm sửa lại."
    ) in texts


def test_a_missing_deprivation_column_is_said_and_no_classification_is_blamed(tmp_path):
    """'Bảo hiểm y tế' deleted from Nà Mòn's list: one warning at the header naming it, and no
    classification-mismatch for households whose count of deprivations lost that column."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)

    def drop(sheet):
        head = _header_row(sheet)
        col = next(c.column for c in sheet[head] if c.value == "Bảo hiểm y tế")
        sheet.delete_cols(col)

    _edit(tmp_path, drop)
    result, _ = collect(tmp_path, None)
    found = [(i.code, i.file, i.column) for i in result.issues if i.file == "NaMon.xlsx"]
    assert found == [("missing-indicator-column", "NaMon.xlsx", "Bảo hiểm y tế")]
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)


def test_files_named_oddly_are_still_read(tmp_path):
    """Bản Cọ's roster without its extension, Nà Mòn's with spaces around the name (copies
    from a phone): both read by their content; a text file without an extension is skipped."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    (tmp_path / "BanCo.xlsx").rename(tmp_path / "BanCo")
    (tmp_path / "NaMon.xlsx").rename(tmp_path / " NaMon.xlsx ")
    (tmp_path / "ghi chu").write_text("gửi sau", encoding="utf-8")
    result, _ = collect(tmp_path, None)
    assert result.summary["reporting"]["accepted"] == 2
    assert [(i.code, i.file) for i in result.issues if i.code == "file-skipped"] == [
        ("file-skipped", "ghi chu")
    ]


def test_a_pipe_in_the_input_folder_is_skipped_not_waited_on(tmp_path):
    import os

    from pipeline.run import execute

    write_plan(tmp_path)
    clean_rosters(tmp_path)
    os.mkfifo(tmp_path / "DS_Pipe_2024-05.xlsx")
    result = execute(tmp_path, tmp_path.parent / "out", None)[0]  # used to wait for ever
    assert result.summary["reporting"]["accepted"] == 2
    assert [(i.code, i.file, i.detail) for i in result.issues if i.code == "file-skipped"] == [
        ("file-skipped", "DS_Pipe_2024-05.xlsx", "không phải tệp thường")
    ]


def test_an_output_folder_inside_the_input_folder_is_not_read_back(tmp_path):
    from pipeline.run import execute

    write_plan(tmp_path)
    clean_rosters(tmp_path)
    execute(tmp_path, tmp_path / "ketqua", None)
    again = execute(tmp_path, tmp_path / "ketqua", None)[0]
    assert not [i for i in again.issues if i.code == "superseded"]
    assert sorted(s.file for s in again.submissions) == [
        "BanCo.xlsx",
        "KeHoach_2024.xlsx",
        "NaMon.xlsx",
    ]


def test_a_stray_cell_far_below_the_plan_table_is_named(tmp_path):
    import pytest

    from pipeline.run import FatalError

    plan = write_plan(tmp_path)
    clean_rosters(tmp_path)
    book = openpyxl.load_workbook(plan)
    book["Chỉ tiêu theo xóm"]["A1048576"] = "x"
    book.save(plan)
    with pytest.raises(FatalError) as stopped:
        collect(tmp_path, None)
    assert str(stopped.value).startswith(
        "KeHoach_2024.xlsx, trang 'Chỉ tiêu theo xóm': có dữ liệu tới ô A1048576"
    )
    assert "xóa đi (chuột phải > Xóa)" in str(stopped.value)


def test_a_thong_tin_sheet_without_its_labels_says_the_rows_are_missing(tmp_path):
    """Column A of Nà Mòn's 'Thông tin' deleted (the labels gone, the values moved to A): the
    hamlet and period are taken from the list's title and the total from the plan (100), each
    said as a missing row, not as an empty cell."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    path = tmp_path / "NaMon.xlsx"
    book = openpyxl.load_workbook(path)
    book["Thông tin"].delete_cols(1)
    book.save(path)
    result, _ = collect(tmp_path, None)
    said = sorted((i.code, i.column) for i in result.issues if i.file == "NaMon.xlsx")
    assert said == [
        ("info-label-missing", "Kỳ báo cáo"),
        ("info-label-missing", "Tổng số hộ dân cư"),
        ("info-label-missing", "Xóm"),
    ]
    total = next(i for i in result.issues if i.column == "Tổng số hộ dân cư")
    assert total.message() == (
        "Trang 'Thông tin' không có dòng 'Tổng số hộ dân cư' (nhãn ở cột A, giá trị ở cột B như "
        "mẫu); đã lấy số hộ đầu năm trong kế hoạch (100 hộ) để tính tỷ lệ. Hãy thêm lại dòng này "
        "như mẫu."
    )
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert na_mon["households"] == 100


def test_a_whole_signature_block_inside_the_list_does_not_end_it(tmp_path):
    """A date, 'Người lập biểu' and a signer's name pasted between NM2 and NM3: the four
    households under the block are read, and the block's lines are no households (no error).
    That they sit under a signature is said once, at the first of them (a warning)."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    at = {}

    def block(sheet):
        row = at["date"] = _header_row(sheet) + 3
        sheet.insert_rows(row, 3)
        sheet[f"R{row}"] = "Ngày 01 tháng 06 năm 2024"
        sheet[f"B{row + 1}"] = "Người lập biểu"
        sheet[f"B{row + 2}"] = "Lường Thị Mai"

    _edit(tmp_path, block)
    result, _ = collect(tmp_path, None)
    na_mon = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    [said] = [i for i in result.issues if i.file == "NaMon.xlsx"]
    assert (said.code, said.severity, said.row, said.value) == (
        "rows-below-signature", "warning", at["date"] + 3, "",
    )  # fmt: skip
    assert said.message("vi") == (
        f"Có 4 dòng hộ nằm dưới phần ký tên (ở dòng {at['date']}), từ dòng này trở xuống; các "
        "hộ này vẫn được tính nhưng không nằm trong danh sách đã ký. Hãy chuyển các dòng đó lên "
        "trên phần ký tên rồi gửi lại."
    )


def test_a_word_document_without_an_extension_is_skipped_not_refused(tmp_path):
    import zipfile

    write_plan(tmp_path)
    clean_rosters(tmp_path)
    with zipfile.ZipFile(tmp_path / "BaoCao", "w") as doc:  # a .docx's parts, named without one
        doc.writestr("[Content_Types].xml", "<Types/>")
        doc.writestr("word/document.xml", "<w:document/>")
    result, _ = collect(tmp_path, None)
    assert [(i.code, i.file, i.severity) for i in result.issues if i.file == "BaoCao"] == [
        ("file-skipped", "BaoCao", "warning")
    ]


def test_an_output_folder_that_is_the_input_folder_is_refused(tmp_path):
    import pytest

    from pipeline.run import FatalError, execute

    write_plan(tmp_path)
    clean_rosters(tmp_path)
    with pytest.raises(FatalError) as stopped:
        execute(tmp_path, tmp_path / ".", None)
    assert "trùng với thư mục đầu vào" in str(stopped.value)
    assert not (tmp_path / "lich-su.sqlite").exists()


def _signed_at_the_end(sheet) -> int:
    """A date and the head's title under the list (as the template has them); the row after."""
    last = max(c.row for c in sheet["B"] if c.value)
    sheet[f"R{last + 2}"] = "Ngày 01 tháng 06 năm 2024"
    sheet[f"R{last + 3}"] = "Trưởng xóm"
    return last + 5


def test_a_second_list_with_its_own_header_under_the_signature_is_no_unsigned_rows(tmp_path):
    """The near-poor households (NM7, NM8) as a second list under the signed one: its own
    title, the header again, its own signature. Both lists count (3 poor, 4 near-poor) and no
    row is said to be under a signature."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)

    def second_list(sheet):
        row = _signed_at_the_end(sheet)
        header = [c.value for c in sheet[_header_row(sheet)]]
        near = next(r for r in sheet.iter_rows() if r[1].value == "NM4")
        sheet.cell(row, 1, "DANH SÁCH HỘ CẬN NGHÈO XÓM NÀ MÒN – THÁNG 5/2024")
        for col, value in enumerate(header, start=1):
            sheet.cell(row + 1, col, value)
        for offset, code in enumerate(("NM7", "NM8"), start=2):
            for col, cell in enumerate(near, start=1):
                sheet.cell(row + offset, col, cell.value)
            sheet.cell(row + offset, 2, code)
        sheet[f"R{row + 5}"] = "Ngày 01 tháng 06 năm 2024"
        sheet[f"R{row + 6}"] = "Trưởng xóm"

    _edit(tmp_path, second_list)
    assert _na_mon(tmp_path) == ((3, 4), [])
    result, _ = collect(tmp_path, None)
    assert not [i for i in result.issues if i.code == "rows-below-signature"]


def test_a_summary_under_the_signature_is_no_households(tmp_path):
    """'1 | Hộ nghèo | 3' and '2 | Hộ cận nghèo | 2' under the signature: no codes (a code holds
    a digit), so the list ended at the signature (they were read as two households with
    errors)."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)

    def summary(sheet):
        row = _signed_at_the_end(sheet)
        sheet.cell(row, 1, "Tổng hợp:")
        for offset, (label, count) in enumerate((("Hộ nghèo", 3), ("Hộ cận nghèo", 2)), 1):
            sheet.cell(row + offset, 1, offset)
            sheet.cell(row + offset, 2, label)
            sheet.cell(row + offset, 3, count)

    _edit(tmp_path, summary)
    assert _na_mon(tmp_path) == ((3, 2), [])
    result, _ = collect(tmp_path, None)
    assert not [i for i in result.issues if i.file == "NaMon.xlsx"]
