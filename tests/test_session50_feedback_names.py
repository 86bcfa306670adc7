"""The hamlet head's feedback copy and his names as typed (session 50). The copy names the
sheets of his file it does not hold: 'Hướng dẫn sửa' calls its sheets a copy of the file sent,
while a 'Ghi chú' notes sheet of his was left out without a word. A head's name written after
'Ông'/'Bà' or in ALL CAPS, where the start list writes it otherwise, is said at its cell, as the
posted list prints it (before: posted with nothing said); no figure changes, no name rewritten."""

from __future__ import annotations

import openpyxl

from pipeline.run import execute
from tests.commune import clean_rosters, write_plan


def _how(out) -> str:
    """The guide's sentence saying what the sheets after it are."""
    [path] = out.glob("2024-05/PhanHoi/Nà Mòn_2024-05.xlsx")
    ws = openpyxl.load_workbook(path)["Hướng dẫn sửa"]
    [text] = [
        v for row in ws.iter_rows(values_only=True) for v in row
        if isinstance(v, str) and v.startswith("Các trang sau")
    ]  # fmt: skip
    return text


def _na_mon(tmp_path, notes: bool):
    """Nà Mòn's May list with D5 (NM1's birth year) written 'năm 1970x' (an error to fix), and,
    when ``notes``, a 'Ghi chú' sheet with a note, an empty 'Sheet3' and a hidden 'Nháp'."""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    path = folder / "NaMon.xlsx"
    book = openpyxl.load_workbook(path)
    book["Danh sách"]["D5"] = "năm 1970x"
    if notes:
        book.create_sheet("Ghi chú")["A1"] = "Hộ NM6 mới tách hộ tháng 4"
        book.create_sheet("Sheet3")
        draft = book.create_sheet("Nháp")
        draft["B2"] = "tính thử"
        draft.sheet_state = "hidden"
    book.save(path)
    execute(folder, out, None)
    return out


def test_a_notes_sheet_not_copied_is_named_in_the_guide(tmp_path):
    """The copy holds 'Thông tin' and 'Danh sách'; 'Ghi chú' (a value in A1) is named as not
    copied, kept in his own file; the empty 'Sheet3' and the hidden 'Nháp' are not named."""
    out = _na_mon(tmp_path, notes=True)
    [path] = out.glob("2024-05/PhanHoi/Nà Mòn_2024-05.xlsx")
    assert openpyxl.load_workbook(path).sheetnames == ["Hướng dẫn sửa", "Thông tin", "Danh sách"]
    how = _how(out)
    assert how.startswith("Các trang sau ('Thông tin', 'Danh sách') là bản sao tệp xóm đã gửi")
    assert how.endswith(
        "Hãy sửa trong tệp gốc của xóm rồi gửi lại cho xã. Các trang khác của tệp ('Ghi chú') "
        "không được chép vào đây, vẫn còn nguyên trong tệp gốc; khi gửi lại, hãy gửi tệp gốc "
        "để giữ các trang đó."
    )
    assert "Sheet3" not in how and "Nháp" not in how


def test_a_file_of_only_its_list_says_no_other_sheet(tmp_path):
    """The same list without other sheets: the guide's sentence ends as before."""
    how = _how(_na_mon(tmp_path, notes=False))
    assert how.endswith("Hãy sửa trong tệp gốc của xóm rồi gửi lại cho xã.")
    assert "Các trang khác" not in how
