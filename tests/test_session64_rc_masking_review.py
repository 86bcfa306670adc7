"""Session 64's review (RC) of C's masking edges: what C's keeping of an amount ending '000' by
commas (read as its twin by dots) and by spaces let through.

1. An ID's label right before a run by commas or dots of an ID's length (10-12 digits) grouped
   as an amount ending '000' and holding an old CMND's shape by threes ('CCCD: 34,198,765,000':
   a CCCD 034198765000 whose 0 a number's format lost; 'SĐT 1,234,567,000') is the label's
   number, masked whole, as by spaces ('CCCD: 34 198 765 000' was masked): C's commas posted
   it whole ('34,********5000' before C), the dots had (pre-existing).
2. The country's code '84' as a run's first group, a phone called today after it and a last
   '000' ('84 912 345 678 000', '84.912.345.678.000'): the phone masked, as C's '0912.345.678.000'
   is. C's spaces kept it whole as its twin by dots was (before C: '********8000').
3. A code's or a unit's number '84' and a rest C's decision 3 keeps as an amount ('NM 84 912
   345 678 đồng'): the whole the phone 0912345678 after the country's code, read whole as before.

Each value worked out by hand: the masked stretch's digits, its last 4 after 8 stars; every
cell of FIXED fails on main before this review (9173afe5), AS_BEFORE passes before and after."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.id_cells import na_mon_posted
from tests.test_session38_oracle import na_mon_rows

FIXED = [
    # 1. by commas: 34198765000's last 4 (posted whole since C; '34,********5000' before)
    ("CCCD: 34,198,765,000", "CCCD: ********5000"),
    ("Số CCCD: 34,198,765,000", "Số CCCD: ********5000"),
    ("CMND 1,234,567,000", "CMND ********7000"),
    ("CMND số 12,345,678,000", "CMND số ********8000"),
    ("SĐT: 1,234,567,000", "SĐT: ********7000"),
    ("số điện thoại 1,234,567,000", "số điện thoại ********7000"),
    # ... by dots (posted whole before C too)
    ("CCCD: 34.198.765.000", "CCCD: ********5000"),
    ("Số CCCD 34.198.765.000", "Số CCCD ********5000"),
    ("SĐT 1.234.567.000", "SĐT ********7000"),
    ("CMND 1.234.567.000", "CMND ********7000"),
    # ... its currency after it (an ID's length after its label is the ID's: session 55, J)
    ("CCCD: 12.345.678.000 đồng", "CCCD: ********8000 đồng"),
    ("CCCD: 12,345,678,000 đồng", "CCCD: ********8000 đồng"),
    # 2. '84' and the phone 0912345678, then '000': 84912345678000's last 4
    ("84 912 345 678 000", "********8000"),
    ("84.912.345.678.000", "********8000"),
    ("84 912.345.678.000", "********8000"),
    ("Vay 84.912.345.678.000", "Vay ********8000"),
    # 3. a code's or a unit's number '84' (or '8' then '4 …') and the rest, whose whole is the
    # phone 0912345678 after the country's code: read whole, as before C (C's unit's number and
    # an amount kept it whole)
    ("NM 84 912 345 678 đồng", "NM ********5678 đồng"),
    ("NM 84 912 345 678 000", "NM ********8000"),
    ("Tổ 84 912 345 678 000 đồng", "Tổ ********5678 000 đồng"),
    ("ĐTDĐ 84 912.345.678 đồng", "ĐTDĐ ********5678 đồng"),
    ("Xóm 8 4 912 345 678 đồng", "Xóm ********5678 đồng"),
    ("NM 84 512 345 678 000", "NM ********8000"),
]

AS_BEFORE = [
    # by spaces the label won before (session 55, J)
    ("CCCD: 34 198 765 000", "CCCD: ********5000"),
    ("CMND 1 234 567 000", "CMND ********7000"),
    # 'ĐT' alone before an amount's '000' is an investment's ('đầu tư'), no label
    ("ĐT 12.345.678.000", "ĐT 12.345.678.000"),
    ("ĐT 12,345,678,000", "ĐT 12,345,678,000"),
    ("Vốn ĐT 12,345,678,000", "Vốn ĐT 12,345,678,000"),
    # C's amounts without a label kept
    ("12,345,678,000", "12,345,678,000"),
    ("Vay 1,234,567,000", "Vay 1,234,567,000"),
    ("12.345.678.000", "12.345.678.000"),
    ("12 345 678 000", "12 345 678 000"),
    # a label not right before the run
    ("CMND 212 345 000 vay 12 345 678 000", "CMND ********5000 vay 12 345 678 000"),
    # a CCCD from 0 by threes: masked before and after
    ("Số CCCD: 034 198 000 000", "Số CCCD: ********0000"),
    ("001 234 567 000", "********7000"),
    ("Vay 1 001 234 567 000", "Vay 1 ********7000"),
    # the phone after '+84' ('+' and '(+84)' read it as a code)
    ("+84 912.345.678.000", "********8000"),
    # no phone after '84': an amount of 84 billion
    ("84.000.000.000", "84.000.000.000"),
    # C's unit's number and an amount by spaces kept
    ("Tổ 1 12 000 000 000 đồng", "Tổ 1 12 000 000 000 đồng"),
    ("NM 84 12 000 000 000", "NM 84 12 000 000 000"),
]


@pytest.mark.parametrize(("written", "posted"), FIXED)
def test_the_label_or_the_phone_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("written", [w for w, _ in FIXED])
def test_the_quick_look_flags_it(written):
    assert may_hold_id(written)


@pytest.mark.parametrize(("written", "posted"), AS_BEFORE)
def test_masked_as_before(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("mark", [".", ",", " "])
def test_a_labelled_cccd_without_its_0_is_masked_by_every_mark(mark):
    """'CCCD 34 198 765 000' by '.', ',' or ' ', its label typed decomposed (NFD) too: the CCCD
    034198765000 with its 0 lost, its last 4 '5000' alone."""
    written = "CCCD " + mark.join(["34", "198", "765", "000"])
    assert mask_ids_in(written) == "CCCD ********5000"
    decomposed = unicodedata.normalize(
        "NFD", "số điện thoại " + mark.join(["1", "234", "567", "000"])
    )
    assert mask_ids_in(decomposed) == unicodedata.normalize("NFD", "số điện thoại ********7000")


def test_the_posted_list_masks_the_labelled_cccd_and_the_phone_after_84(tmp_path):
    """May: NM1's head 'Hoàng Văn NM1 CCCD: 34,198,765,000' (NiemYet posted it whole), NM2's
    'Hoàng Văn NM2 ĐTDĐ 84 912 345 678 000' (posted whole), NM3's 'Hoàng Văn NM3 SĐT
    1.234.567.000' with non-breaking spaces about the label (read as spaces)."""
    nm = na_mon_rows()
    nm[0]["chu_ho"] = "Hoàng Văn NM1 CCCD: 34,198,765,000"
    nm[1]["chu_ho"] = "Hoàng Văn NM2 ĐTDĐ 84 912 345 678 000"
    nm[2]["chu_ho"] = "Hoàng Văn NM3\u00a0SĐT\u00a01.234.567.000"
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[:3] == [
        ("NM1", "Hoàng Văn NM1 CCCD: ********5000"),
        ("NM2", "Hoàng Văn NM2 ĐTDĐ ********8000"),
        ("NM3", "Hoàng Văn NM3 SĐT ********7000"),
    ]
    assert "198,765" not in text
    assert "912 345 678" not in text
    assert "234.567" not in text
