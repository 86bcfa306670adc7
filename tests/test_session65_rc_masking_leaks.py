"""Session 65's review (RC) of C's masking of phones and IDs on the posted list: the leaks C
left (its section's **Left** (a)-(d)) and the labels the review tried, each worked out by hand.

The posted list hangs in the hamlet's cultural house: it shows no phone or ID number, only its
last 4 digits ('********5678'); an amount of money, a date or a code stays as written.

* A run by dashes or commas from 0 before '000' is read as its twin by dots
  ('0123.456.789.000' is '********6789.000'), so '0123-456-789-000' is '********6789-000'.
* A landline by commas after its area code in brackets: '(028) 3825,1234' holds 02838251234.
* After a label that names a phone or an ID and nothing else ('SĐT', 'S.Đ.T', 'Số ĐT',
  'ĐTDĐ', 'DĐ', 'điện thoại', 'di động', 'Tel', 'Zalo', 'CCCD', 'CMND'), perhaps some words
  between ('ĐTDĐ của chồng:'), a run of 9 digits or more the masking left whole is the
  label's number, whatever its shape: '912.345.678' after 'DĐ:' is 0912345678 its 0 lost,
  '3 000 225 933 000' after 'SĐT' 13 digits no amount's. Not 'ĐT' alone ('đầu tư'), nor a run
  holding a date, nor an amount's shape after a label some words before ('CMND mất vay
  120.000.000').

The masking of every cell of MASKED fails on the code before this change (483f65ee); KEPT passes before
and after."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.id_cells import na_mon_posted
from tests.test_session38_oracle import na_mon_rows


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


MASKED = [
    # C's Left (a): 0123456789 (a phone's digits from 0) then '000', by dashes or commas as by
    # dots; and by commas alone
    ("0123-456-789-000", "********6789-000"),
    ("0123,456,789,000", "********6789,000"),
    ("0123,456,789", "********6789"),
    ("Vay 0123-456-789-000 đồng", "Vay ********6789-000 đồng"),
    # C's Left (b): the landline 02838251234 after its area code, by commas
    ("(028) 3825,1234", "********1234"),
    ("(028) 3825,1234,000", "********1234,000"),
    ("（０２８）３８２５，１２３４", "********1234"),
    ("ĐTCĐ nhà (028) 3825,1234", "ĐTCĐ nhà ********1234"),
    ("(028) 3825,1234 và (024) 3733,5555", "********1234 và ********5555"),
    # C's Left (c): a label with words between it and its number; 'DĐ' (di động) alone
    ("ĐTDĐ của chồng: 912.345.678", "ĐTDĐ của chồng: ********5678"),
    ("DĐ: 912.345.678", "DĐ: ********5678"),
    ("DĐ: 912,345,678", "DĐ: ********5678"),
    (
        nfd("điện thoại di động của vợ: 912.345.678"),
        nfd("điện thoại di động của vợ: ") + "********5678",
    ),  # fmt: skip
    # C's Left (d): 13 digits or more by spaces after a label, its last 4
    ("SĐT 3 000 225 933 000", "SĐT ********3000"),
    ("SĐT 84 5592 1005 8530", "SĐT ********8530"),
    ("Số ĐT: 3 000 225 933 000", "Số ĐT: ********3000"),
    # the review's labels: 'S.Đ.T', 'Tel', 'Zalo' before a phone its 0 lost
    ("S.Đ.T 912.345.678", "S.Đ.T ********5678"),
    ("Tel 912.345.678", "Tel ********5678"),
    ("Zalo 912.345.678", "Zalo ********5678"),
    ("Zalo 912-345-678", "Zalo ********5678"),
    # two phones in one cell, each after its label
    ("Tel 0912 345 678 và Zalo 987.654.321", "Tel ********5678 và Zalo ********4321"),
]

KEPT = [
    # no label: 912 million by dots is an amount's writing (a phone its 0 lost as a number's
    # has no dots: Excel shows '912345678', masked)
    "912.345.678",
    "Thu nhập 912.345.678",
    # 'ĐTXD' (đầu tư xây dựng) and 'Vốn ĐT' are no label; 'lưu động' no 'di động'
    "ĐTXD 12.345.678.000",
    "Vốn ĐT 12 345 678 000",
    "vốn lưu động 12.345.678.000",
    # a label, words, then an amount's shape: the amount
    "CMND mất vay 120.000.000",
    "CMND mất, vay 120.000.000",
    "ĐTDĐ của chồng 912.345.678 đồng",
    # dates after a label, and a word holding 'tel'
    "SĐT-03-08-1996-254",
    "CMND cấp ngày 12.03.2010",
    "CCCD cấp 12-03-2010-1234",
    "Hotel 912.345.678",
    # a list of codes by commas (equal groups): no phone's 4-3-3
    "001,002,003",
    # 'ĐT' alone before an amount's '000': an investment (C's decision 4)
    "ĐT 12.345.678.000",
]


@pytest.mark.parametrize(("written", "posted"), MASKED)
def test_the_phone_or_id_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("written", [w for w, _ in MASKED])
def test_the_quick_look_flags_it(written):
    assert may_hold_id(written)


@pytest.mark.parametrize("written", KEPT)
def test_the_amount_date_or_code_is_kept(written):
    assert mask_ids_in(written) == written


def test_the_quick_look_flags_a_column_holding_one():
    """The list asks the quick look of a column's cells joined before masking any."""
    column = "\x00".join(["Vay 50.000.000", "DĐ: 912.345.678", "Hộ nghèo"])
    assert may_hold_id(column)


def test_the_posted_list_shows_none(tmp_path):
    """May: NM1's head 'Hoàng Văn NM1 DĐ: 912.345.678', NM2's 'Hoàng Văn NM2 (028) 3825,1234',
    NM3's 'Hoàng Văn NM3 SĐT 3 000 225 933 000': each posted whole before."""
    nm = na_mon_rows()
    nm[0]["chu_ho"] = "Hoàng Văn NM1 DĐ: 912.345.678"
    nm[1]["chu_ho"] = "Hoàng Văn NM2 (028) 3825,1234"
    nm[2]["chu_ho"] = "Hoàng Văn NM3 SĐT 3 000 225 933 000"
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[:3] == [
        ("NM1", "Hoàng Văn NM1 DĐ: ********5678"),
        ("NM2", "Hoàng Văn NM2 ********1234"),
        ("NM3", "Hoàng Văn NM3 SĐT ********3000"),
    ]
    assert "912.345" not in text
    assert "3825" not in text
    assert "225 933" not in text
