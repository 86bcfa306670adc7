"""The hamlet head's feedback copy and his names as typed (session 50). The copy names the
sheets of his file it does not hold: 'Hướng dẫn sửa' calls its sheets a copy of the file sent,
while a 'Ghi chú' notes sheet of his was left out without a word. A head's name written after
'Ông'/'Bà' or in ALL CAPS, where the start list writes it otherwise, is said at its cell, as the
posted list prints it (before: posted with nothing said); no figure changes, no name rewritten."""

from __future__ import annotations

import json

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


def _said(out, code: str) -> list[tuple]:
    """'Lỗi dữ liệu''s rows of ``code``: (Ô, Giá trị, Thông báo)."""
    ws = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Lỗi dữ liệu"]
    return [(r[4], r[7], r[10]) for r in ws.iter_rows(values_only=True) if r[9] == code]


def _posted(out) -> list[str]:
    """The heads' names on Nà Mòn's posted list ('NiemYet'), in its order."""
    [path] = out.glob("2024-05/NiemYet_2024-05.xlsx")
    book = openpyxl.load_workbook(path)
    return [
        v for ws in book for row in ws.iter_rows(values_only=True) for v in row
        if isinstance(v, str) and "NM" in v and v[-1].isdigit() and " " in v
    ]  # fmt: skip


def _names(tmp_path, names: dict[str, str]):
    """Nà Mòn's clean May list with the heads' names of ``names`` (cell -> name) written."""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir(parents=True)
    write_plan(folder)
    clean_rosters(folder)
    write_names(folder, names)
    execute(folder, out, None)
    return out


def write_names(folder, names: dict[str, str]) -> None:
    """The heads' names of ``names`` (cell -> name) written in ``folder``'s Nà Mòn list."""
    path = folder / "NaMon.xlsx"
    book = openpyxl.load_workbook(path)
    for cell, name in names.items():
        book["Danh sách"][cell] = name
    book.save(path)


def test_a_title_is_said_at_its_cell_and_posted_as_written(tmp_path):
    """C5 'Ông Hoàng Văn NM1', C6 'HOÀNG VĂN NM2', C9 'bà  Hoàng Văn NM5' (the start list:
    'Hoàng Văn NM1' …): two warnings, at the titled names, naming the cell, the name the posted
    list prints and the start list's; the name in capitals is a way of writing, not said (the
    lead's narrowing: a list all in capitals drew a warning a row); the posted list prints them
    all as written; Nà Mòn's figures as a clean run's."""
    clean = _names(tmp_path / "a", {})
    out = _names(
        tmp_path / "b",
        {"C5": "Ông Hoàng Văn NM1", "C6": "HOÀNG VĂN NM2", "C9": "bà  Hoàng Văn NM5"},
    )
    said = _said(out, "name-as-written")
    assert [(cell, value) for cell, value, _ in said] == [
        ("C5", "Ông Hoàng Văn NM1"),
        ("C9", "bà Hoàng Văn NM5"),  # read with its spaces collapsed
    ]
    assert said[0][2] == (
        "Họ tên chủ hộ ghi 'Ông Hoàng Văn NM1'; danh sách đầu năm ghi hộ này là 'Hoàng Văn "
        "NM1'. Hộ vẫn được tính, và danh sách niêm yết công khai in họ tên đúng như xóm ghi: "
        "'Ông Hoàng Văn NM1'. Nếu chủ hộ vẫn là người đó, hãy ghi họ tên như danh sách đầu "
        "năm: 'Hoàng Văn NM1' (không thêm 'Ông', 'Bà' trước họ tên); nếu đã "
        "đổi chủ hộ, hãy ghi họ tên chủ hộ mới."
    )
    posted = _posted(out)
    assert "Ông Hoàng Văn NM1" in posted and "HOÀNG VĂN NM2" in posted
    assert "Hoàng Văn NM1" not in posted and "Hoàng Văn NM2" not in posted
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    before = json.loads((clean / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    assert (summary["hamlets"], summary["totals"]) == (before["hamlets"], before["totals"])


def test_a_name_as_the_start_list_writes_it_is_not_said(tmp_path):
    """Not said: 'Hoàng Văn NM1' as the start list; 'Ông Văn NM2' (not the start list's name
    without its first word); 'HOÀNG VĂN NM9' for a code not on the start list (NM6 is new)."""
    out = _names(tmp_path, {"C6": "Ông Văn NM2", "C10": "HOÀNG VĂN NM9"})
    assert _said(out, "name-as-written") == []
