"""Privacy follow-ups of session 54 (helper D3), left by D2: a comma before a grouped number
separates two numbers; a Mã hộ of numbers joined by commas is told; a code written apart from
the start list's only by another script's digits or look-alike marks is told and posted as
the start list writes it; 'đ c' (địa chỉ) after a number is no currency.

Before: '0912.345.678,0987.654.321' and '0912 345 678,0987 654 321' were posted whole (',0'
read as a decimal part, `text._NOT_BEFORE`); a Mã hộ '0912345678,0987654321' was masked but
not told (`text.masked_whole` reads one number); '０１' for the start list's '01' was counted
as that household but nothing was said and NiemYet posted '０１' (`figures.as_start_writes`
read spaces and case alone); 'CMND 212.345.678 đ c Xóm 3' was posted whole ('đ' the currency).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor. Each head is 'Hoàng Văn <code>'; a list's sixth household at row 10."""

from __future__ import annotations

import openpyxl
import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.commune import person
from tests.id_cells import check_na_mon, na_mon_posted, nm1_coded, phone_said, renumbered
from tests.test_session38_oracle import na_mon_rows
from tests.test_session54_d2_privacy import FULL_WIDTH, KEPT_POOR, may_with_start_list
from tests.test_session54_told_as_masked import id_number_said

# (as written, as posted), by hand: each number 8 stars and its last 4 digits
MASKED = [
    ("0912.345.678,0987.654.321", "********5678,********4321"),
    ("0912 345 678,0987 654 321", "********5678,********4321"),
    ("SĐT 0912-345-678,0987-654-321", "SĐT ********5678,********4321"),
    ("CCCD 001.204.012.345,001.204.067.890", "CCCD ********2345,********7890"),
    ("0912345678,0987.654.321", "********5678,********4321"),
    ("CMND 212.345.678 đ c Xóm 3", "CMND ********5678 đ c Xóm 3"),
    ("CMND 212.345.678 Đ C: Xóm 3", "CMND ********5678 Đ C: Xóm 3"),
]
# Kept as written: amounts with a decimal comma or commas grouping by threes, two amounts
# joined by a comma, a grouped number after a comma from '000' (no phone's nor CCCD's), money
# by 'đ' before a word beginning with 'c' ('chỉ' may say 'only')
KEPT = [
    "1.500.000,50",
    "1.500.000,123",
    "2,000,000 đồng",
    "1,5 triệu",
    "1.500.000,2.000.000",
    "2,000.000.000",
    "212.345.678 đ chỉ",
    "212.345.678 đ cho vay",
    "212.345.678 đ con",
]


@pytest.mark.parametrize(("written", "posted"), MASKED)
def test_a_grouped_number_after_a_comma_and_a_number_before_dc_are_masked(written, posted):
    assert mask_ids_in(written) == posted
    assert may_hold_id(written)
    assert may_hold_id("\x00".join(["TL-01-001", "Hoàng Văn An", written, "NM2"]))


@pytest.mark.parametrize("written", KEPT)
def test_decimals_amounts_and_money_before_a_c_word_are_kept(written):
    assert mask_ids_in(written) == written


def test_a_run_posts_grouped_numbers_joined_by_a_comma_masked(tmp_path):
    """May: Nà Mòn lists NM1-NM5 and a new poor household headed 'Lò Văn Tám
    0912.345.678,0987 654 321'. Before, NiemYet posted the name whole; now, by hand, 'Lò Văn
    Tám ********5678,********4321', neither number in NiemYet's XML nor the JSON."""
    nm = na_mon_rows(person("NM6", "poor", chu_ho="Lò Văn Tám 0912.345.678,0987 654 321"))
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[3] == ("NM6", "Lò Văn Tám ********5678,********4321")
    for secret in ("345.678", "654 321"):
        assert secret not in text, secret


def test_a_code_of_numbers_joined_by_a_comma_is_told_at_its_cell(tmp_path):
    """`check` of Nà Mòn's May list: NM1-NM5, then new households under
    '0912345678,0987654321' (B10, two phones), '001204012345, 001204067890' (B11, two CCCDs of
    12 digits, a space after the comma), '0912.345.678,0987.654.321' (B12) and '212.345.678,
    001204012345' (B13, a CMND of 9 digits first); guards '1,5' (B14), 'TL-01,02' (B15) and
    '167.012.001,167.012.002' (B16: posted whole, ',1' no list's comma, so not told).
    Nothing was told; now B10-B13 as their first number is, the cell as written quoted. Since
    session 55 (tests/test_session55_d_privacy.py) an old CMND by dots from 1-3 after a bare
    comma is a second number: B16, two CMNDs' shape in a commune numbering 'NM1', is masked
    on the posted list as '167.012.001' alone is, so told as its first (9 digits)."""
    codes = ("0912345678,0987654321", "001204012345, 001204067890",
             "0912.345.678,0987.654.321", "212.345.678, 001204012345", "1,5", "TL-01,02",
             "167.012.001,167.012.002")  # fmt: skip
    found = check_na_mon(tmp_path, na_mon_rows(*(person(code, "poor") for code in codes)))
    assert [(i.cell, i.severity, i.message("vi")) for i in found] == [
        ("B10", "warning", phone_said("0912345678,0987654321")),
        ("B11", "warning", id_number_said("001204012345, 001204067890", 12)),
        ("B12", "warning", phone_said("0912.345.678,0987.654.321")),
        ("B13", "warning", id_number_said("212.345.678, 001204012345", 9)),
        ("B16", "warning", id_number_said("167.012.001,167.012.002", 9)),
    ]


def _words(tmp_path) -> list[tuple[str, str]]:
    """'Lỗi dữ liệu''s lines at Nà Mòn's list of the May run :func:`may_with_start_list` made: (cell, words)."""
    path = tmp_path / "ra" / "2024-05" / "TongHop_2024-05.xlsx"
    book = openpyxl.load_workbook(path, read_only=True)
    lines = [(r[4], r[10]) for r in book["Lỗi dữ liệu"].iter_rows(values_only=True)
             if r[2] == "DS_0_2024-05.xlsx"]  # fmt: skip
    book.close()
    return lines


def test_a_run_posts_and_tells_a_code_of_numbers_joined_by_a_comma(tmp_path):
    """May: Nà Mòn lists NM1-NM5 and a new poor household under '0912.345.678,0987 654 321'
    (row 10). Before: posted whole, nothing told. Now, by hand: NiemYet posts
    '********5678,********4321'; 'Lỗi dữ liệu' and Nà Mòn's feedback say the phone warning at
    B10, the cell as written; the household counted (Nà Mòn 4 poor in the JSON)."""
    import json

    code = "0912.345.678,0987 654 321"
    nm = na_mon_rows(person(code, "poor", chu_ho="Lò Văn Tám"))
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[3] == ("********5678,********4321", "Lò Văn Tám")
    for secret in ("345.678", "654 321"):
        assert secret not in text, secret
    out = tmp_path / "ra" / "2024-05"
    assert _words(tmp_path) == [("B10", phone_said(code))]
    book = openpyxl.load_workbook(out / "PhanHoi" / "Nà Mòn_2024-05.xlsx", read_only=True)
    told = [(r[2], r[6], r[7]) for r in book["Hướng dẫn sửa"].iter_rows(values_only=True)
            if r and isinstance(r[0], int)]  # fmt: skip
    book.close()
    assert told == [("B10", "Cảnh báo", phone_said(code))]
    summary = json.loads((out / "TongHop_2024-05.json").read_text("utf-8"))
    [na_mon] = [h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 2)


def _lookalike_said(value: str, start: str) -> str:
    """The warning at a Mã hộ written apart from the start list's by look-alikes, by hand."""
    return (
        f"Mã hộ ghi '{value}', danh sách đầu năm ghi '{start}': hai mã chỉ khác nhau ở kiểu chữ "
        "số hoặc kiểu dấu chấm, dấu gạch (gõ bằng bộ gõ hay phông chữ khác), nên đã được hiểu là "
        f"cùng một hộ và hộ vẫn được tính. Hãy ghi Mã hộ đúng như danh sách đầu năm: '{start}'."
    )


@pytest.mark.parametrize("listed", ["０１", "0１", "ＮＭ1"])
def test_a_code_in_fullwidth_digits_is_told_and_posted_as_the_start_list_writes_it(
    tmp_path, listed
):
    """The start list writes NM1's code '01'; Nà Mòn's May list ``listed`` ('０１' full-width,
    '0１' half so), its head now 'Lò Thị Mai'. Before: counted as NM1 (D2) but nothing said and
    NiemYet posted '０１'. Now: a warning at B5, the start list's '01' to write; NiemYet posts
    '01'; Nà Mòn's poor kept (3, none exited, none new, 3). A full-width letter ('ＮＭ1') is
    no look-alike of this reading: a new code, nothing said of its spelling (guard)."""
    start = nm1_coded("01")
    nm = [person(listed, "poor", chu_ho="Lò Thị Mai"), *na_mon_rows()[1:]]
    moves, posted, said = may_with_start_list(tmp_path, start, nm)
    if listed == "ＮＭ1":
        assert posted[0] == ("ＮＭ1", "Lò Thị Mai")
        assert "code-spelled-differently" not in str(said)
        return
    assert moves == KEPT_POOR
    assert posted[0] == ("01", "Lò Thị Mai")
    assert said == [("B5", "code-spelled-differently")]
    assert _words(tmp_path) == [("B5", _lookalike_said(listed, "01"))]


def test_an_en_dash_code_is_told_and_posted_as_the_start_list_writes_it(tmp_path):
    """The start list numbers every household '167-012-001' on; Nà Mòn's list writes NM1's in
    full-width digits ('１６７-０１２-００１'), NM2's with en dashes ('167–012–002'). Before:
    nothing said, posted as written. Now, by hand: warnings at B5 and B6 naming
    '167-012-001', '167-012-002'; posted so; poor kept."""
    start, na_mon = renumbered(lambda n: f"167-012-{n:03d}")
    wide, dashed = "167-012-001".translate(FULL_WIDTH), "167–012–002"
    assert wide == "１６７-０１２-００１"
    na_mon[0] = {**na_mon[0], "ma_ho": wide}
    na_mon[1] = {**na_mon[1], "ma_ho": dashed}
    ban_co = [{k: v for k, v in row.items() if k not in ("hamlet", "stt")}
              for row in start if row["hamlet"] == "Bản Cọ"]  # fmt: skip
    moves, posted, said = may_with_start_list(tmp_path, start, na_mon, ban_co)
    assert posted[:2] == [("167-012-001", "Hoàng Văn NM1"), ("167-012-002", "Hoàng Văn NM2")]
    assert said == [("B5", "code-spelled-differently"), ("B6", "code-spelled-differently")]
    assert _words(tmp_path) == [
        ("B5", _lookalike_said(wide, "167-012-001")),
        ("B6", _lookalike_said(dashed, "167-012-002")),
    ]
    assert moves == KEPT_POOR
