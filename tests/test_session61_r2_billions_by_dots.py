"""Session 61, R2 (review of E's Found): a small number of one digit before an old CMND by dots
('2.172.616.751', 'Tổ 1.212.345.678', 'Xóm 3.259.318.388') was posted whole: session 53 kept
'1.212.345.678' as an amount of 1-9 billion đồng, so the CMND's nine digits were shown. The
same by spaces ('Tổ 1 212 345 678') is masked since session 56's review, an amount of that
shape kept only with its currency after it. Now by dots too: such a run whose last nine are an
old CMND by threes (first digit 0-3, not ending '000.000') is read in parts unless its currency
follows it ('Vay 1.212.345.678 đồng' kept) or its first digit is a code's, glued to its
letters ('NM1.212.345.678', session 53, R3).

Each value worked out by hand: the CMND's last 4 digits after 8 stars, the small number and
the words as written."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.id_cells import na_mon_posted
from tests.test_session38_oracle import na_mon_rows

# posted whole before (every one of these failed on E's merge, 62048189)
MASKED = [
    ("1.212.345.678", "1.********5678"),
    ("2.172.616.751", "2.********6751"),
    ("Xóm 3.259.318.388", "Xóm 3.********8388"),
    ("Tổ 1.212.345.678", "Tổ 1.********5678"),
    ("Vay 1.012.345.678", "Vay 1.********5678"),
    ("Lò Văn A 1.212.345.678", "Lò Văn A 1.********5678"),
    # an ID's label before it: the currency after is no amount's (session 55, J)
    # the label's number whole, as by spaces, dashes and commas (session 65, C)
    ("CMND 1.212.345.678 đồng", "CMND ********5678 đồng"),
    # 'Đồng Kè' a hamlet, no currency
    ("1.212.345.678 Đồng Kè", "1.********5678 Đồng Kè"),
]
# amounts of 1-9 billion đồng kept, before and after: a currency after it (also typed
# decomposed), or its last nine no old CMND (from 4-9, ending '000.000', all from '00'); a
# code's digit glued to its letters
KEPT = [
    "Vay 1.212.345.678 đồng",
    "1.212.345.678đ",
    "1.212.345.678 VNĐ",
    unicodedata.normalize("NFD", "vay 1.212.345.678 đồng/năm"),
    "1.250.000.000",
    "Vay 2.500.000.000",
    "5.612.345.678",
    "1.001.002.003",
    "NM1.212.345.678",
]


@pytest.mark.parametrize(("written", "posted"), MASKED)
def test_a_small_number_and_a_cmnd_by_dots_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize(("written", "posted"), MASKED)
def test_by_dots_as_by_spaces(written, posted):
    """The twin by spaces was masked already (session 56's review; the small number is masked
    with it where no word's number is before it: '1 212 345 678' is '********5678')."""
    spaced = mask_ids_in(written.replace(".", " "))
    assert posted[posted.index("*") : posted.index("*") + 12] in spaced
    assert written[written.index(".") + 1 : written.index(".") + 4] not in spaced


@pytest.mark.parametrize("written", [w for w, _ in MASKED])
def test_the_quick_look_flags_it(written):
    assert may_hold_id(written)


@pytest.mark.parametrize("written", KEPT)
def test_an_amount_of_billions_is_kept(written):
    assert mask_ids_in(written) == written


def test_the_posted_list_masks_the_cmnd_after_a_hamlets_number(tmp_path):
    """May: NM1's head 'Hoàng Văn NM1 Xóm 3.259.318.388', NM2's 'Hoàng Văn NM2 vay
    1.212.345.678 đồng'. NiemYet posted NM1's CMND whole; now 'Xóm 3.********8388', the number
    nowhere in the workbook nor the JSON; NM2's amount as written."""
    nm = na_mon_rows()
    nm[0]["chu_ho"] = "Hoàng Văn NM1 Xóm 3.259.318.388"
    nm[1]["chu_ho"] = "Hoàng Văn NM2 vay 1.212.345.678 đồng"
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[:2] == [
        ("NM1", "Hoàng Văn NM1 Xóm 3.********8388"),
        ("NM2", "Hoàng Văn NM2 vay 1.212.345.678 đồng"),
    ]
    assert "259.318.388" not in text
