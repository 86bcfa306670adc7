"""Session 56 (D): the privacy leftovers of session 55's review (R7) on the posted list and the
head's words.

1. A code or a hamlet's word apart from its small number by a space, then a phone or an ID:
   'NM 01 0912345678' was posted 'NM ********5678' (the '01' read into one spaced number of 12
   digits), 'Xóm 3 0912345678' 'Xóm ********5678'; now the small number is kept
   (`text._code_word_apart`), not where what follows is written as an amount is.
2. A Mã hộ masked on NiemYet but untold: a spaced phone beside a code ('NM01 0912 345 678'),
   two spaced phones, numbers joined by '+' or '&' (`rosterchecks._spaced_told`, `_JOINED`).
3. 'Vốn ĐT 212.345.678 đồng' (đầu tư) was masked as a phone's: after 'Vốn', 'hỗ trợ' or
   'Doanh' before 'ĐT', an amount grouped by threes before its currency is money.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; a list's sixth
household at row 10."""

from __future__ import annotations

from unicodedata import normalize

import pytest

from pipeline.text import mask_ids_in
from tests.commune import person
from tests.id_cells import check_na_mon, na_mon_posted, phone_said
from tests.test_session38_oracle import na_mon_rows
from tests.test_session54_told_as_masked import id_number_said
from tests.test_session55_d_privacy import errors_at, feedback_of, na_mon_poor_rows

# --- 1. a code's or a hamlet's small number apart by a space -----------------------------------

# (as written, as posted), by hand: the small number kept, the phone or ID 8 stars and its last
# 4 digits. Before: the small number masked with it ('NM ********5678', 'Tổ ********5678')
APART = [
    ("NM 01 0912345678", "NM 01 ********5678"),
    ("Xóm 3 0912345678", "Xóm 3 ********5678"),
    ("Tổ 12 0912 345 678", "Tổ 12 ********5678"),
    ("Lò Văn A, thôn 2 0987654321", "Lò Văn A, thôn 2 ********4321"),
    ("NM 01 212345678", "NM 01 ********5678"),
]
# As before, by hand: an amount (what follows the small number written as one, or after
# another word), an ID's label before the number (the group is the ID's), no word before; a
# number whose separators differ read in parts (session 53) as before
KEPT = [
    ("Vay 1 500 000 000 đồng", "Vay 1 500 000 000 đồng"),
    ("Vay 1 500 000 000", "Vay 1 500 000 000"),
    ("VAY 1 500 000 000", "VAY 1 500 000 000"),
    ("Xóm 3 500 000 000", "Xóm 3 500 000 000"),
    ("Thu nhập 1.500.000", "Thu nhập 1.500.000"),
    ("CCCD 001 204012345", "CCCD ********2345"),
    ("1 0912345678", "********5678"),
    ("NM 01 0912.345.678", "NM 01 ********5678"),
    ("TL 001 001204012345", "TL 001 ********2345"),
]


@pytest.mark.parametrize(("written", "posted"), APART)
def test_a_codes_small_number_apart_by_a_space_is_kept(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize(("written", "posted"), KEPT)
def test_an_amount_or_a_labelled_id_is_read_as_before(written, posted):
    assert mask_ids_in(written) == posted


def test_a_hamlets_word_typed_decomposed_is_read_composed():
    """'Xóm 3 0912345678' typed decomposed (NFD, its 'ó' two characters): by hand 'Xóm 3
    ********5678', decomposed as written."""
    written = normalize("NFD", "Xóm 3 0912345678")
    assert mask_ids_in(written) == normalize("NFD", "Xóm 3 ********5678")


def test_a_run_posts_a_codes_small_number_beside_the_masked_phone(tmp_path):
    """May: Nà Mòn lists NM1 headed 'Lò Văn A Tổ 12 0912 345 678', NM2-NM5, and a new poor
    household 'Lò Văn Tám' under 'NM 06 0987654321' (row 10). Before: posted 'Lò Văn A Tổ
    ********5678' and 'NM ********4321'. Now, by hand: 'Lò Văn A Tổ 12 ********5678', 'NM 06
    ********4321'; neither phone in NiemYet's XML nor the JSON; the head told at B10 that the
    Mã hộ is a telephone number (as before), nothing of NM1's name; Nà Mòn 4 poor, 2
    near-poor."""
    code = "NM 06 0987654321"
    nm = na_mon_rows(person(code, "poor", chu_ho="Lò Văn Tám"))
    nm[0] = {**nm[0], "chu_ho": "Lò Văn A Tổ 12 0912 345 678"}
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[0] == ("NM1", "Lò Văn A Tổ 12 ********5678")
    assert ("NM 06 ********4321", "Lò Văn Tám") in rows
    for secret in ("0912 345 678", "0987654321"):
        assert secret not in text, secret
    assert errors_at(tmp_path, "DS_0_2024-05.xlsx") == [("B10", phone_said(code))]
    assert feedback_of(tmp_path) == [("B10", "Cảnh báo", phone_said(code))]
    assert na_mon_poor_rows(tmp_path) == (4, 2)


# --- 2. a Mã hộ masked but untold ------------------------------------------------------------

# Two lists' new households (rows 10 on), and what is told at each, by hand: the first
# number's warning, the cell quoted; the guards (masked none) told none. The first five of
# each were told none before; '+84 912 345 678' was told a phone before too (the '+' of a
# country's code is no join)
UNTOLD = [
    [("NM01 0912 345 678", "phone"), ("0912 345 678 0987 654 321", "phone"),
     ("NM 06 0912 345 678", "phone"), ("NM6&NM7", None), ("NM 06", None)],
    [("0912345678+0987654321", "phone"), ("212345678&0912345678", 9),
     ("NM7 + 0987.654.321", "phone"), ("+84 912 345 678", "phone"), ("1+1", None)],
]  # fmt: skip


@pytest.mark.parametrize("codes", UNTOLD)
def test_a_spaced_phone_beside_a_code_and_numbers_joined_by_plus_or_and_are_told(tmp_path, codes):
    """`check` of Nà Mòn's May list: NM1-NM5, then new households under ``codes`` (row 10 on).
    Each masked on NiemYet; now told as its first number is, the cell quoted as written."""
    found = check_na_mon(tmp_path, na_mon_rows(*(person(code, "poor") for code, _ in codes)))
    said = [
        (f"B{10 + at}", "warning",
         phone_said(code) if told == "phone" else id_number_said(code, told))
        for at, (code, told) in enumerate(codes)
        if told is not None
    ]  # fmt: skip
    assert [(i.cell, i.severity, i.message("vi")) for i in found] == said


def test_a_run_tells_two_spaced_phones_and_a_plus(tmp_path):
    """May: Nà Mòn lists NM1-NM5, then new poor households under '0912 345 678 0987 654 321'
    (row 10, 'Lò Văn Tám') and '0912345678+0987654321' (row 11, 'Lò Văn Chín'). Before:
    posted masked, the head told nothing. Now, by hand: NiemYet posts '********5678
    ********4321' and '********5678+********4321'; 'Lỗi dữ liệu' and the feedback say the
    phone warning at B10 and B11, the cells as written; Nà Mòn 5 poor, 2 near-poor."""
    spaced, plus = "0912 345 678 0987 654 321", "0912345678+0987654321"
    nm = na_mon_rows(person(spaced, "poor", chu_ho="Lò Văn Tám"),
                     person(plus, "poor", chu_ho="Lò Văn Chín"))  # fmt: skip
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert ("********5678 ********4321", "Lò Văn Tám") in rows
    assert ("********5678+********4321", "Lò Văn Chín") in rows
    for secret in ("0912345678", "0987654321", "0912 345 678", "0987 654 321"):
        assert secret not in text, secret
    said = [("B10", phone_said(spaced)), ("B11", phone_said(plus))]
    assert errors_at(tmp_path, "DS_0_2024-05.xlsx") == said
    assert feedback_of(tmp_path) == [(cell, "Cảnh báo", words) for cell, words in said]
    assert na_mon_poor_rows(tmp_path) == (5, 2)


# --- 3. money after 'Vốn ĐT' -----------------------------------------------------------------

# Kept, by hand: an amount grouped by threes before its currency after 'Vốn', 'hỗ trợ' or
# 'Doanh' and 'ĐT' / 'DT' (masked before)
CAPITAL = [
    "Vốn ĐT 212.345.678 đồng",
    "vốn DT: 212 345 678 đ",
    "VỐN ĐT 212.345.678 VNĐ",
    "Hỗ trợ ĐT 212.345.678 đồng",
    "Doanh ĐT 312.345.678đ",
]
# Masked as before, by hand: 'ĐT' after a name (a phone's label), not grouped, after 'SĐT', no
# currency after
CAPITAL_PERSONS = [
    ("Lò Văn A ĐT 212.345.678 đồng", "Lò Văn A ĐT ********5678 đồng"),
    ("Vốn ĐT 212345678 đồng", "Vốn ĐT ********5678 đồng"),
    ("Vốn SĐT 212.345.678 đồng", "Vốn SĐT ********5678 đồng"),
    ("Vốn ĐT 212.345.678", "Vốn ĐT ********5678"),
]


@pytest.mark.parametrize("written", CAPITAL)
def test_money_after_von_dt_is_kept(written):
    assert mask_ids_in(written) == written


@pytest.mark.parametrize(("written", "posted"), CAPITAL_PERSONS)
def test_a_number_after_dt_otherwise_is_masked(written, posted):
    assert mask_ids_in(written) == posted
