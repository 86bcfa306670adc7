"""What personal data each output carries (session 51 QA): the public list (NiemYet) shows no
ID number, also one typed into a head's name or used as a Mã hộ; a head's feedback quotes no
ID number or income from another hamlet's row.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. Each head is 'Hoàng Văn <code>'. Each
list's households start at row 5."""

from __future__ import annotations

import zipfile

import openpyxl

from pipeline.text import mask_ids_in
from tests.april_may import BAN_CO, april, nx9_on_both
from tests.commune import new_commune, person
from tests.test_session38_oracle import na_mon_rows, run_lists


def xml_text(path) -> str:
    """Every part of an xlsx as text: cells, shared strings, comments."""
    with zipfile.ZipFile(path) as book:
        return "".join(book.read(n).decode("utf-8") for n in book.namelist() if n.endswith(".xml"))


def test_an_id_number_is_masked_as_the_id_column_is():
    """By hand: 12 or 9 digits, written apart by single spaces or not, are an ID number (its
    last 4 digits shown); an amount (dots), a code grouped by dots, a birth date, 8 digits
    are not. (A telephone number with its country code, '+84 912 345 678', kept here until
    session 52, is masked since: tests/test_session52_phones_masked.py; 13 digits, kept here
    until session 57, are masked since: tests/test_session57_c_privacy.py.)"""
    assert mask_ids_in("Hoàng Văn An CCCD 001234567890") == "Hoàng Văn An CCCD ********7890"
    assert mask_ids_in("CCCD 001 234 567 890; 1970") == "CCCD ********7890; 1970"
    assert mask_ids_in("CMND 091234567") == "CMND ********4567"
    assert mask_ids_in("019088776655") == "********6655"
    for kept in ("1.200.000đ/tháng", "1.200.000.000", "167.06277.001", "TL.01.001",
                 "15.03.1995", "12345678"):  # fmt: skip
        assert mask_ids_in(kept) == kept


def test_the_public_list_masks_an_id_typed_into_a_name_or_used_as_the_code(tmp_path):
    """May: Nà Mòn writes NM2's head 'Hoàng Văn NM2 (CCCD 019149012649)', a new near-poor
    household 'Lý Thị Năm' under the Mã hộ '019088776655' (her CCCD), and NM1's 'Ghi chú'
    'CCCD 001234567890; thu nhập 1.200.000đ/tháng'. NiemYet posted the name and the code as
    written. Now, by hand: 'Hoàng Văn NM2 (CCCD ********2649)', '********6655'; the other codes
    and names as written; neither full number nor the note's income anywhere in the workbook."""
    folder, out = new_commune(tmp_path)
    nm = na_mon_rows(person("019088776655", "near_poor", chu_ho="Lý Thị Năm"))
    nm[0]["ghi_chu"] = "CCCD 001234567890; thu nhập 1.200.000đ/tháng"
    nm[1]["chu_ho"] = "Hoàng Văn NM2 (CCCD 019149012649)"
    run_lists(folder, out, "2024-05", {"Nà Mòn": nm, "Bản Cọ": BAN_CO})
    path = out / "2024-05" / "NiemYet_2024-05.xlsx"
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [r[1:3] for r in book["Nà Mòn"].iter_rows(values_only=True)
            if len(r) > 2 and isinstance(r[0], int)]  # fmt: skip
    book.close()
    assert rows == [
        ("NM1", "Hoàng Văn NM1"), ("NM2", "Hoàng Văn NM2 (CCCD ********2649)"),
        ("NM3", "Hoàng Văn NM3"), ("NM4", "Hoàng Văn NM4"), ("NM5", "Hoàng Văn NM5"),
        ("********6655", "Lý Thị Năm"),
    ]  # fmt: skip
    text = xml_text(path)
    for secret in ("019149012649", "019088776655", "001234567890", "1.200.000"):
        assert secret not in text


def test_a_note_quoted_from_another_hamlets_row_keeps_its_move_alone(tmp_path):
    """Session 51's move told by a note: NX9 new to both lists, Đồng Kè's row noting 'Chuyển
    đến từ xóm Nà Mòn, CCCD 008877665544, thu nhập 1.200.000đ/tháng'. Nà Mòn's head read
    Đồng Kè's note whole, the ID number and income of a row of another hamlet's list. Now both
    rows quote the part that tells the move, 'Chuyển đến từ xóm Nà Mòn'; Nà Mòn's feedback
    holds neither the number nor the income."""
    folder, out = april(tmp_path)
    note = "Chuyển đến từ xóm Nà Mòn, CCCD 008877665544, thu nhập 1.200.000đ/tháng"
    _, said = nx9_on_both(folder, out, dk_note=note)
    words = {hamlet: message for hamlet, *_, message in said}
    assert "nhưng 'Ghi chú' của dòng kia ghi 'Chuyển đến từ xóm Nà Mòn': hộ đã chuyển từ " \
           "xóm Nà Mòn sang xóm kia. Hãy xóa dòng này" in words["Nà Mòn"]  # fmt: skip
    assert "nhưng 'Ghi chú' của dòng này ghi 'Chuyển đến từ xóm Nà Mòn': hộ đã chuyển đến " \
           "xóm Đồng Kè. Hãy giữ nguyên dòng này" in words["Đồng Kè"]  # fmt: skip
    mine = xml_text(out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    assert "008877665544" not in mine and "1.200.000đ" not in mine


def test_an_id_number_within_the_part_that_tells_the_move_is_masked(tmp_path):
    """Nà Mòn's own row of NX9 notes 'Đã chuyển sang xóm Đồng Kè CCCD 009988776655' (one part):
    quoted at Đồng Kè's row with the number masked, '… Đồng Kè CCCD ********6655'."""
    folder, out = april(tmp_path)
    _, said = nx9_on_both(folder, out, na_mon_note="Đã chuyển sang xóm Đồng Kè CCCD 009988776655")
    words = {hamlet: message for hamlet, *_, message in said}
    assert "nhưng 'Ghi chú' của dòng kia ghi 'Đã chuyển sang xóm Đồng Kè CCCD ********6655': " \
           "hộ đã chuyển đến xóm Đồng Kè. Hãy giữ nguyên dòng này" in words["Đồng Kè"]  # fmt: skip
    theirs = xml_text(out / "2024-05" / "PhanHoi" / "Đồng Kè_2024-05.xlsx")
    assert "009988776655" not in theirs
