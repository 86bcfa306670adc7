"""Privacy follow-ups of session 54 (helper D2): two numbers joined by a bare comma are each
masked on the posted list; 'Đ.C' and 'đ/chỉ' (địa chỉ) after a number are no currency.

Before: '0912345678,0987654321' was posted whole (',0' read as a decimal part); 'CMND
212.345.678 Đ.C: Xóm 3' was posted whole ('đ' read as the currency before '.C'); and
``figures.id_key`` and ``public_list._numbering`` read a code as written, so a start list's
'０１' and a list's '01' were two households (paired by the head's name alone, with a warning
that the code changed; not at all once the head changed) and a start list's
'１６７．０１２．００１' left its household's '167.012.001' masked on NiemYet.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor. Each head is 'Hoàng Văn <code>', born 1970."""

from __future__ import annotations

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.commune import (
    person,
)
from tests.id_cells import na_mon_posted
from tests.test_session38_oracle import na_mon_rows

# (as written, as posted), by hand: each number 8 stars and its last 4 digits
MASKED = [
    ("0912345678,0987654321", "********5678,********4321"),
    ("SĐT 0912345678,0987654321,0913456789", "SĐT ********5678,********4321,********6789"),
    ("CCCD 001204012345,001204067890", "CCCD ********2345,********7890"),
    ("CMND 212.345.678 Đ.C: Xóm 3", "CMND ********5678 Đ.C: Xóm 3"),
    ("CMND 212.345.678 đ.c Xóm 3", "CMND ********5678 đ.c Xóm 3"),
    ("CMND 212.345.678 đ/chỉ Xóm 3", "CMND ********5678 đ/chỉ Xóm 3"),
]
# Kept as written: amounts with a decimal comma or commas grouping by threes, money by 'đ'
KEPT = [
    "1,5 triệu",
    "1.200,5",
    "2,000,000 đồng",
    "1.500.000,50",
    "1.500.000,123",
    "0912345678,5",
    "212.345.678 đ",
    "212.345.678 đ.",
    "212.345.678 đ/tháng",
    "212.345.678đ/con",
    "200.000.000 đồng",
]


@pytest.mark.parametrize(("written", "posted"), MASKED)
def test_numbers_joined_by_a_comma_or_before_an_address_are_masked(written, posted):
    assert mask_ids_in(written) == posted
    assert may_hold_id(written)


@pytest.mark.parametrize("written", KEPT)
def test_a_decimal_comma_and_money_by_its_currency_are_kept(written):
    assert mask_ids_in(written) == written


def test_a_cmnd_before_dc_is_masked():
    """'đc' (địa chỉ) after a CMND: a letter after 'đ', never read as the currency (a guard:
    so before too)."""
    assert mask_ids_in("CMND 212.345.678 đc Xóm 3") == "CMND ********5678 đc Xóm 3"


def test_a_run_posts_the_numbers_joined_by_a_comma_and_before_an_address_masked(tmp_path):
    """May: Nà Mòn lists NM1-NM5 and two new poor households headed 'Lò Văn Tám
    0912345678,0987654321' and 'Lò Văn Chín CMND 212.345.678 Đ.C: Xóm 3'. Before, NiemYet
    posted both names whole; now, by hand, 'Lò Văn Tám ********5678,********4321' and 'Lò Văn
    Chín CMND ********5678 Đ.C: Xóm 3'; no number in NiemYet's XML nor the JSON."""
    nm = na_mon_rows(
        person("NM6", "poor", chu_ho="Lò Văn Tám 0912345678,0987654321"),
        person("NM7", "poor", chu_ho="Lò Văn Chín CMND 212.345.678 Đ.C: Xóm 3"),
    )
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[3:5] == [
        ("NM6", "Lò Văn Tám ********5678,********4321"),
        ("NM7", "Lò Văn Chín CMND ********5678 Đ.C: Xóm 3"),
    ]
    for secret in ("0912345678", "0987654321", "212.345.678"):
        assert secret not in text, secret
