"""Session 64, C: the posted list's (NiemYet) masking edges session 63's review (R1) left. The
never-leak rule first: of any reading of a run as a phone, a CCCD or an old CMND the list shows
the last 4 digits alone; an amount or a code the head needs is kept as written.

1. (R1's Left (a)) An amount of 1-99 billion by single spaces or by commas ending '000',
   without its currency ('1 234 567 000', '12,345,678,000'), is kept as by dots: the CMND's
   shape of its last nine ('234 567 000') ends '000', an amount's ending (session 63, C's
   decision 2). 10 billion or more holding an old CMND none of whose groups is '000'
   ('212 345 678 000') is masked as before.
2. (R1's Left (b)) The code's '01' before a space and an old CMND's shape by its currency ('NM
   01 212.345.678 đồng': the whole an old mobile 01212345678) is kept, the rest masked, as
   by a bare dot ('NM 01.********5678 đồng'); '01' and 8 digits, no telephone number of any
   year, is an amount after the code ('NM 01 12.345.678 đồng').
3. (R1's Left (c)) A unit's number and an amount by spaces ('Tổ 1 12 000 000 000 đồng') are
   kept as written, as the amount alone is.
4. (R1's (c), a display difference) By commas, 10 billion or more ending '000' holding an old
   CMND is masked whole, as by dots and spaces ('100,212,345,000 đồng' '********5000 đồng', not
   '********2345,000 đồng').
5. Found: a telephone number or a CCCD from 0 by dots, or by dots and spaces, and a last '.000'
   ('0912.345.678.000', '035.198.000.342.000') was posted whole; now it is masked, as
   '0912.345.678.500.000' is.
6. (R1's Left (d) and (e)) decided, not changed: an old CMND's shape before its currency on its
   own is an amount ('Vay 223.000.051đ', as 'Vay 212.345.678 đồng'), within a run of another
   number a part (masked); the phone, a CMND's shape across it and an amount
   ('0912.345.678.212.500.000 đồng') show the stretch's last 4 before the amount's rest by every
   mark.

Each value worked out by hand: the masked stretch's digits, its last 4 after 8 stars, the
rest as written. Every cell of MASKED and KEPT failed before this change (checked on
1ca454d5); AS_BEFORE passes before and after."""

from __future__ import annotations

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.id_cells import na_mon_posted
from tests.test_session38_oracle import na_mon_rows

# kept as written (masked, or the code's number lost, before this change)
KEPT = [
    # 1. 1-99 billion ending '000' by spaces or commas, no currency (by dots kept before)
    "1 234 567 000",
    "12 345 678 000",
    "Vay 1 234 567 000",
    "Vay 12 345 678 000",
    "1 234 567 000 000",
    "12,345,678,000",
    "1,234,567,000",
    # ... read as their twin by dots (kept: the CMND's shape '000,252,160' from 0 no CMND)
    "NM 12,000,252,160,000",
    # 2. the code's '01' and 8 digits (0112345678, no telephone number) and the currency
    "NM 01 12.345.678 đồng",
    "NM 01 12 345 678 đồng",
    "NM 01 12 345 678",
    # 3. a unit's or a hamlet's number and an amount by spaces
    "Tổ 1 12 000 000 000 đồng",
    "Tổ 1 12 000 000 000",
    "Tổ 1 1 200 000 000 đồng",
    "Xóm 3 1 500 000 000",
    "586 Xóm 3 2 341 000 000",  # 'Xóm 3' and 2,341,000,000 (R1's cell, '586 Xóm ********0000')
    # ... an amount to 9 billion by its currency, kept as 'Vay 6 129 382 225đ' is
    "Tổ 1 6 129 382 225đ",
]

MASKED = [
    # 2. the code's '01', the rest (212345678 of the old mobile 01212345678) masked
    ("NM 01 212.345.678 đồng", "NM 01 ********5678 đồng"),
    ("NM 01 212 345 678 đồng", "NM 01 ********5678 đồng"),
    ("NM 01 212.345.678 VNĐ", "NM 01 ********5678 VNĐ"),
    ("Tổ 01 212.345.678 đồng", "Tổ 01 ********5678 đồng"),
    # ... after a code's dash, or glued to its letters (session 55, R7's 'NM-01 ********5678')
    ("NM-01 212.345.678 đồng", "NM-01 ********5678 đồng"),
    ("NM01 212.345.678 đồng", "NM01 ********5678 đồng"),
    # 4. by commas as by dots and spaces: 100212345000's last 4, 212345678000's
    ("100,212,345,000 đồng", "********5000 đồng"),
    ("100,212,345,000", "********5000"),
    ("212,345,678,000 đồng", "********8000 đồng"),  # R1's '********5678,000 đồng'
    ("212,345,678,000", "********8000"),  # C's '********5678,000'
    ("Vay 212,345,678,000 đồng", "Vay ********8000 đồng"),
    ("1,212,345,678,000", "********8000"),
    ("12,345,678,900,000 đồng", "********0000 đồng"),
    # 5. a phone (0912345678) and '.000': the phone and, no currency, '345.678.000' read on
    # (a CMND's shape) masked as one, 0912345678000's last 4; with its currency '.000' shown
    ("0912.345.678.000", "********8000"),
    ("０９１２．３４５．６７８．０００", "********8000"),
    ("0912.345.678.000 đồng", "********5678.000 đồng"),
    ("Vay 0912.345.678.000 đồng", "Vay ********5678.000 đồng"),
    ("NM 0912.345.678.000 đồng", "NM ********5678.000 đồng"),
    ("0912.345.678.000.000", "********5678.000.000"),
    ("09.1234.5678.000", "********5678.000"),
    # ... by dots and a space
    ("09 12.345.678.000", "********8000"),
    ("0912.345 678.000", "********8000"),
    ("NM 09 12.345.678.000 đồng", "NM ********5678.000 đồng"),
    # ... a CCCD by threes from 0 (035 198 000342) and '.000'
    ("035.198.000.342.000", "********2000"),
    ("035.198.000.342.000 đồng", "********2000 đồng"),
]

# as before this change
AS_BEFORE = [
    # 1. an old CMND by threes, none of its groups '000', in 10 billion or more; a small
    # number and an old CMND not ending '000'; a code's number and a CMND's shape ending '000'
    ("212 345 678 000", "********8000"),
    ("100 234 567 000", "********7000"),
    ("12 345 678 900", "********8900"),
    ("1 212 345 678", "********5678"),
    ("Tổ 1 212 345 678", "Tổ 1 ********5678"),
    ("Tổ 1 234 567 000", "Tổ 1 ********7000"),
    ("234 567 000", "********7000"),
    ("1,212,345,678", "1,********5678"),
    ("12,345,678,900 đồng", "12,********8900 đồng"),
    ("12.345.678.000", "12.345.678.000"),
    ("1.234.567.000", "1.234.567.000"),
    # ... an amount's shape by spaces whose twin by dots masks (the CMND '217 000 628')
    ("12 217 000 628 204 000đ", "12 ********4000đ"),
    ("12.217.000.628.204.000đ", "12.********4000đ"),
    # 2. a unit's number not '01': the amount by its currency, or the phone masked whole
    ("Tổ 1 212.345.678 đồng", "Tổ 1 212.345.678 đồng"),
    ("NM1 212.345.678 đồng", "NM1 212.345.678 đồng"),
    ("NM 01 212.345.678", "NM 01 ********5678"),
    ("NM 01.212.345.678 đồng", "NM 01.********5678 đồng"),
    ("NM 09 12.345.678 đồng", "NM ********5678 đồng"),
    ("NM 09 12.345.678", "NM ********5678"),
    ("Tổ 0 912 345 678 đồng", "Tổ ********5678 đồng"),
    ("ĐT0912 345 678", "ĐT********5678"),
    # 3. more than an amount after the unit's number (R1's cells)
    ("Tổ 12 188.531.359 531.000.000", "Tổ 12 ********1359 531.000.000"),
    ("Tổ 1 212 345 678 000 đồng", "Tổ 1 ********5678 000 đồng"),
    # 6. (d) a CMND's shape with a '000' inside before its currency: on its own an amount; a
    # part of a run (begun after a bare dot, no amount by the run's currency) masked
    ("Vay 223.000.051đ", "Vay 223.000.051đ"),
    ("223 000 051đ", "223 000 051đ"),
    ("223-000-051đ", "223-000-051đ"),
    ("12/03/2024 223.000.051đ", "12/03/2024 223.000.051đ"),
    ("Vay 9448.022.175.223.000.051đ", "Vay 9448.********0051đ"),
    ("1.500.223.000.051đ", "1.500.********0051đ"),
    ("2024.223.000.051đ", "2024.********0051đ"),
    ("0912.345.678.223.000.051 đồng", "********5678.********0051 đồng"),
]


@pytest.mark.parametrize("written", KEPT)
def test_kept_as_written(written):
    assert mask_ids_in(written) == written


@pytest.mark.parametrize(("written", "posted"), MASKED)
def test_a_persons_number_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("written", [w for w, _ in MASKED])
def test_the_quick_look_flags_it(written):
    assert may_hold_id(written)


@pytest.mark.parametrize(("written", "posted"), AS_BEFORE)
def test_masked_as_before(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("mark", [".", " ", ","])
def test_ten_billion_ending_000_with_a_cmnd_is_masked_whole_by_every_mark(mark):
    """'100 212 345 000 đồng' by '.', ' ' or ',': the CMND 100 212 345's first five digits
    ('10021') shown by none, 100212345000's last 4 alone (the commas showed '2345,000')."""
    posted = mask_ids_in(mark.join(["100", "212", "345", "000"]) + " đồng")
    assert posted == "********5000 đồng"


@pytest.mark.parametrize("mark", [".", " ", ","])
def test_an_amount_ending_000_is_kept_by_every_mark(mark):
    """'12 345 678 000' (12 billion) by '.', ' ' or ',' without its currency: kept, as with it."""
    written = mark.join(["12", "345", "678", "000"])
    assert mask_ids_in(written) == written
    assert mask_ids_in(f"{written} đồng") == f"{written} đồng"


@pytest.mark.parametrize("mark", [".", "-", " "])
def test_a_phone_a_cmnds_shape_and_an_amount_by_every_mark(mark):
    """(e) '0912 345 678 212 500 000 đồng' by any mark: the phone 0912345678 and the CMND's
    shape 345 678 212 across it and the amount masked as one, its last 4 '8212', then the
    amount's rest: '5678' (the phone's last 4 before '212', 7 digits of the CMND's shape)
    shown by none."""
    posted = mask_ids_in(mark.join(["0912", "345", "678", "212", "500", "000"]) + " đồng")
    assert posted == f"********8212{mark}500{mark}000 đồng"


def test_the_posted_list_keeps_the_unit_and_the_amount_and_masks_the_phone(tmp_path):
    """May: NM1's head 'Hoàng Văn NM1 nợ 100,212,345,000 đồng' (NiemYet showed
    '********2345,000'), NM2's 'Hoàng Văn NM2 Tổ 1 12 000 000 000 đồng' (posted 'Tổ
    ********0000 đồng'), NM3's 'Hoàng Văn NM3 0912.345.678.000' (the phone posted whole)."""
    nm = na_mon_rows()
    nm[0]["chu_ho"] = "Hoàng Văn NM1 nợ 100,212,345,000 đồng"
    nm[1]["chu_ho"] = "Hoàng Văn NM2 Tổ 1 12 000 000 000 đồng"
    nm[2]["chu_ho"] = "Hoàng Văn NM3 0912.345.678.000"
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[:3] == [
        ("NM1", "Hoàng Văn NM1 nợ ********5000 đồng"),
        ("NM2", "Hoàng Văn NM2 Tổ 1 12 000 000 000 đồng"),
        ("NM3", "Hoàng Văn NM3 ********8000"),
    ]
    assert "2345,000" not in text
    assert "0912.345.678" not in text
