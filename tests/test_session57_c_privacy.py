"""Session 57 (C): the two leaks session 56 left (its 'the posted list's residual leaks in
random cells', Left).

1. 13 digits or more in a row (a phone or an ID typed with more digits, a bank account, two
   numbers typed with no space between them) were posted whole, after '+84' or not: no phone's
   nor ID's length. Now masked as any person's number is, all but the last 4 digits.
2. A Mã hộ '1 200 000 000 0912345678' (an amount, then a phone) was told a 9-digit ID number
   ('200 000 000', the amount's last three groups): the list posts '1 200 000 000
   ********5678', the amount shown, the phone masked. Now told a phone.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; its new households
from row 10."""

from __future__ import annotations

import pytest

from pipeline.text import mask_ids_in
from tests.commune import person
from tests.id_cells import check_na_mon, na_mon_posted, phone_said
from tests.test_session38_oracle import na_mon_rows
from tests.test_session55_d_privacy import na_mon_poor_rows

# --- 1. 13 digits or more in a row ------------------------------------------------------------

# (as written, as posted), by hand: 8 stars and the last 4 digits, the '+84' or '(+84)' before
# it masked with it as a phone's is; what is around kept. Before: each posted as written
LONG_RUNS = [
    ("1234567890123", "********0123"),
    ("0012345678901", "********8901"),
    ("STK 0011223344556677", "STK ********6677"),
    ("+84 1234567890123", "********0123"),
    ("(+84) 9123456789012", "********9012"),
    ("Lò Văn A 00109401234567 Xóm 3", "Lò Văn A ********4567 Xóm 3"),
    ("CCCD 0010940123456, SĐT 0912345678", "CCCD ********3456, SĐT ********5678"),
    ("0912345678-12345678901234", "********5678-********1234"),
    ("NM-0012345678901", "NM-********8901"),
]
# As before, by hand: an amount of 13 digits with its currency, or spaced by threes; 8 digits
STILL_SHOWN = ["1500000000000 đồng", "Vay 1 500 000 000 000", "12345678"]


@pytest.mark.parametrize(("written", "posted"), LONG_RUNS)
def test_thirteen_digits_or_more_in_a_row_are_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("written", STILL_SHOWN)
def test_amounts_of_thirteen_digits_and_short_numbers_are_shown(written):
    assert mask_ids_in(written) == written


def test_a_run_posts_no_digit_of_a_long_number(tmp_path):
    """May: Nà Mòn lists NM1 headed 'Lò Văn A 00109401234567' (a CCCD typed with two digits
    more), NM2-NM5. By hand: posted 'Lò Văn A ********4567'; neither '0010940123' nor the
    whole number in NiemYet's XML nor the JSON; Nà Mòn 3 poor, 2 near-poor."""
    nm = na_mon_rows()
    nm[0] = {**nm[0], "chu_ho": "Lò Văn A 00109401234567"}
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[0] == ("NM1", "Lò Văn A ********4567")
    assert "0010940123" not in text
    assert na_mon_poor_rows(tmp_path) == (3, 2)


# --- 2. a Mã hộ of an amount, then a phone ---------------------------------------------------


def test_a_code_of_an_amount_then_a_phone_is_told_a_phone(tmp_path):
    """`check` of Nà Mòn's May list: NM1-NM5, then a new household under '1 200 000 000
    0912345678' (row 10). By hand: the phone's warning, the cell quoted as written (posted '1
    200 000 000 ********5678'). Before: 'là số CCCD/CMND (9 chữ số)'."""
    code = "1 200 000 000 0912345678"
    assert mask_ids_in(code) == "1 200 000 000 ********5678"
    found = check_na_mon(tmp_path, na_mon_rows(person(code, "poor")))
    assert [(i.cell, i.severity, i.message("vi")) for i in found] == [
        ("B10", "warning", phone_said(code))
    ]
