"""Session 66 (G): the posted list's masking edges left by session 65's review (RC's **Left**),
each worked out by hand.

The posted list hangs in the hamlet's cultural house: it shows no phone or ID number, only its
last 4 digits ('********5678'); a count, an amount of money, a year or a code stays as written.

1. A count after a phone by a single space: 'SĐT 0912345678 2 khẩu' was '********6782 khẩu',
   the 11 digits 09123456782 read as one number by spaces (session 51): the count lost, and
   the phone's last digit hidden while the count's showed. The phone is 0912345678 (a mobile
   called today), '2 khẩu' two members: 'SĐT ********5678 2 khẩu'. So after an old CMND by
   threes ('212 345 678 3 con': 212345678, '********5678 3 con') or a CCCD typed in a row.
   Not before money ('2 đồng' is no count).
2. An ID's label glued by '-' or '.' to a run of 13 digits: 'CCCD-9918 5905 172 000đ' showed
   '9918' and '2000' (8 digits of a run the label calls a CCCD); by a space it is masked whole
   ('CCCD ********2000đ'), so it is with the dash: 'CCCD-********2000đ'. 'TL-0123-456-789-000'
   is a code ('TL', no label; 0123456789 no phone of any year: 10 digits from 01), kept.
3. More words between a label and its number: 'Số điện thoại của con trai là 912.345.678'
   (four words; the net allowed three) is '… ********5678'. A second number in the label's
   list: 'SĐT chồng 0912.345.678, vợ 987.654.321' (0987654321 its 0 lost) is 'SĐT chồng
   ********5678, vợ ********4321'; an amount so listed stays ('SĐT 0912.345.678, vay
   120.000.000').
4. Years after a label: 'Zalo 2020-2024-2025' (no phone's digits: a phone is from 0) kept, not
   '********2025'. 'ĐT.12 345 678 000' (12,345,678,000 after 'ĐT.', 'đầu tư') kept as 'ĐT 12
   345 678 000' and 'ĐT. 12 345 678 000' are (was 'ĐT.12 ********8000').

Every cell of MASKED and KEPT fails on the code before this change (66297f5e); AS_BEFORE passes
before and after."""

from __future__ import annotations

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.id_cells import na_mon_posted
from tests.test_session38_oracle import na_mon_rows

MASKED = [
    # 1. the phone masked, the count and its word kept (the 11 digits masked as one before)
    ("SĐT 0912345678 2 khẩu", "SĐT ********5678 2 khẩu"),
    ("SĐT: 0912345678 2 khẩu", "SĐT: ********5678 2 khẩu"),
    ("SĐT 0912 345 678 2 khẩu", "SĐT ********5678 2 khẩu"),
    ("0912345678 5 người", "********5678 5 người"),
    ("SĐT 0912345678 12 khẩu", "SĐT ********5678 12 khẩu"),
    ("SĐT 0912345678 2khẩu", "SĐT ********5678 2khẩu"),
    ("SĐT 912 345 678 2 khẩu", "SĐT ********5678 2 khẩu"),
    ("212 345 678 3 con", "********5678 3 con"),
    ("CMND 212345678 2 khẩu", "CMND ********5678 2 khẩu"),
    ("+84 912345678 2 khẩu", "********5678 2 khẩu"),
    ("Tổ 3 0912345678 2 khẩu", "Tổ 3 ********5678 2 khẩu"),
    ("NM 01 0912 345 678 4 người", "NM 01 ********5678 4 người"),
    # ... after a label's net (the phone its 0 lost, 'DĐ' a label of the net alone)
    ("DĐ: 912.345.678 2 khẩu", "DĐ: ********5678 2 khẩu"),
    # 2. a label glued to 13 digits: masked whole, as after a space
    ("CCCD-9918 5905 172 000đ", "CCCD-********2000đ"),
    ("CCCD.9918 5905 172 000đ", "CCCD.********2000đ"),
    ("SĐT-9918 5905 172 000đ", "SĐT-********2000đ"),
    # 3. four words and more between the label and its number
    ("Số điện thoại của con trai là 912.345.678", "Số điện thoại của con trai là ********5678"),
    ("SĐT của con gái út là 912.345.678", "SĐT của con gái út là ********5678"),
    # ... the label's further numbers in a list
    ("SĐT chồng 0912.345.678, vợ 987.654.321", "SĐT chồng ********5678, vợ ********4321"),
    ("SĐT chồng 0912.345.678, vợ: 987.654.321", "SĐT chồng ********5678, vợ: ********4321"),
    ("SĐT chồng 0912.345.678 và vợ 987.654.321", "SĐT chồng ********5678 và vợ ********4321"),
    ("SĐT: 912.345.678; 987.654.321", "SĐT: ********5678; ********4321"),
    (
        "SĐT 0912345678, vợ 0987654321, con 912.345.678",
        "SĐT ********5678, vợ ********4321, con ********5678",
    ),
]

KEPT = [
    # 4. years, no phone's digits
    "Zalo 2020-2024-2025",
    "Zalo 2020.2024.2025",
    "Zalo: 2019-2020-2021-2022",
    "SĐT 2020-2024-2025",
    "CCCD 2019 2009 1996 2004",
    # ... 'ĐT.' (đầu tư) before an amount by spaces ending '000', as 'ĐT ' and 'ĐT. '
    "ĐT.12 345 678 000",
    "ĐT.1 234 567 000",
    "Vốn ĐT.9 000 186 000",
]

AS_BEFORE = [
    # a code's part after a dash: no phone of any year, no label
    ("TL-0123-456-789-000", "TL-0123-456-789-000"),
    ("TL-0912-345-678-000", "TL-********8000"),
    # a code glued to 13 digits: its first group a code's, as before
    ("NM-9918 5905 172 000đ", "NM-9918 ********2000đ"),
    # a label glued to a run whose whole reading shows more: the first group read apart
    ("DTDD.1107 134 833 574 824 người", "DTDD.1107 ********4824 người"),
    # ('ĐT-12 345 678 000', a code's dash here, 'ĐT-12 ********8000': kept since session 67,
    # E, as 'ĐT.12 345 678 000' below; tests/test_session67_e_masking_money_words.py)
    # no count before money, nor at the note's end: the run read whole
    ("SĐT 0912345678 2", "SĐT ********6782"),
    ("SĐT 13901 2281 7đ", "SĐT ********2817đ"),
    # an old mobile's 11 digits from 01 with its last digit apart: read whole
    ("0123 456 789 0 khẩu", "********7890 khẩu"),
    # a listed amount after the label's number, and an investment
    ("SĐT 0912.345.678, vay 120.000.000", "SĐT ********5678, vay 120.000.000"),
    ("SĐT 0912.345.678, 1.500.000 đồng", "SĐT ********5678, 1.500.000 đồng"),
    ("ĐT 12 345 678 000", "ĐT 12 345 678 000"),
    ("CMND mất vay 120.000.000", "CMND mất vay 120.000.000"),
    # (years by spaces with no label, 'Zalo 2020 2024 2025', session 51's 9-12 digits by
    # spaces, 'Zalo ********2025': kept since session 67, E, as by dashes;
    # tests/test_session67_e_masking_money_words.py)
]


@pytest.mark.parametrize(("written", "posted"), MASKED)
def test_the_number_is_masked_and_the_rest_kept(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("written", [w for w, _ in MASKED])
def test_the_quick_look_flags_it(written):
    assert may_hold_id(written)


@pytest.mark.parametrize("written", KEPT)
def test_the_years_or_the_investment_is_kept(written):
    assert mask_ids_in(written) == written


@pytest.mark.parametrize(("written", "posted"), AS_BEFORE)
def test_as_before(written, posted):
    assert mask_ids_in(written) == posted


def test_the_posted_list_keeps_the_count(tmp_path):
    """May: NM1's head 'Hoàng Văn NM1 SĐT 0912345678 2 khẩu' (was '… ********6782 khẩu'), NM2's
    'Hoàng Văn NM2 SĐT chồng 0912.345.678, vợ 987.654.321' (the wife's posted whole), NM3's
    'Hoàng Văn NM3 Zalo 2020-2024-2025' (was '… Zalo ********2025')."""
    nm = na_mon_rows()
    nm[0]["chu_ho"] = "Hoàng Văn NM1 SĐT 0912345678 2 khẩu"
    nm[1]["chu_ho"] = "Hoàng Văn NM2 SĐT chồng 0912.345.678, vợ 987.654.321"
    nm[2]["chu_ho"] = "Hoàng Văn NM3 Zalo 2020-2024-2025"
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[:3] == [
        ("NM1", "Hoàng Văn NM1 SĐT ********5678 2 khẩu"),
        ("NM2", "Hoàng Văn NM2 SĐT chồng ********5678, vợ ********4321"),
        ("NM3", "Hoàng Văn NM3 Zalo 2020-2024-2025"),
    ]
    assert "654.321" not in text
