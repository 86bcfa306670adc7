"""Session 67 (E): the posted list's masking edges left by session 66's review (RG's **Left**
(a), (b); G's Left (c), (d)) and session 57 C3's strict xfail of random cells joined by a bare
'.' (docs/decisions.md, 'Session 67: the posted list's masking: a word of money ends a
label's reach …').

The posted list hangs in the hamlet's cultural house: no phone or ID number but its last 4
digits ('********5678'); a count, an amount, a year or a code stays as written. Each figure
below by hand:

1. A word of money among the words after a label: 'Zalo nhóm thôn nộp quỹ tháng này
   425.350.500' (six words, 'nộp quỹ' paying a fund 425,350,500 đồng) was 'Zalo nhóm thôn nộp
   quỹ tháng này ********0500' (G's six words of session 66): kept. So 'CCCD của ông ấy nộp quỹ
   425.350.510'. The run is of no person's shape: 425350510 is no phone without its 0
   (0425350510: no mobile's 04), no old CMND (first digit 4, a CMND's is 0-3), no CCCD (9
   digits). A run of a person's shape stays masked ('SĐT nộp quỹ 912.345.678': 0912345678 its 0
   lost; 'CCCD nộp quỹ 212.345.678', an old CMND), as does one after a name or a person's word
   ('SĐT thủ quỹ …' a treasurer, 'SĐT anh Lương …' a name, 'SĐT đồng chí Hùng …' a comrade).
   In the label's list: 'SĐT chồng 0912.345.678, vay 487.654.321' keeps the loan (was '…,
   vay ********4321'); 'vay 987.654.321' (0987654321, a phone without its 0) stays masked.
2. Random cells joined by a bare '.': '000.221.138.832.504.232.900.000 đồng' (a CCCD
   000221138832, the small number 504, 232,900,000 đồng) was '000.********2504.232.900.000
   đồng', the CCCD's '000' shown: the run's own first group '000' is no amount's last (nothing
   before it), so the CCCD by threes from it is read as the run alone reads it ('000.221.138.832'
   is '********8832'), and the part read on to '504' as '001.221.138.832.504…' was:
   '********2504.232.900.000 đồng', as '000 221 138 832 504' and '000-221-138-832-504' are.
3. 'DĐ: 912 345 678 2 khẩu' was 'DĐ: ********6782 khẩu' (the 10 digits 9123456782 read as one
   by spaces, the count '2 khẩu' lost): 'DĐ' is a label of the net (session 65, RC), so
   912345678 after it is the label's number as after 'SĐT': 'DĐ: ********5678 2 khẩu'. So
   'Zalo', 'Tel:', 'S.Đ.T' and a label with words ('SĐT của con').
4. Years by spaces, 'Zalo 2020 2024 2025' and '2020 2024 2025', were '********2025' (session
   51's 9-12 digits by spaces): kept, as G kept them by dashes and dots after a label; three
   years hold no phone (from 0), no CCCD (from 0) and no old CMND's 9 digits by whole groups.
5. 'ĐT-12 345 678 000' was 'ĐT-12 ********8000' where 'ĐT.12 345 678 000' (G), 'ĐT 12 345 678
   000', 'ĐT. 12 345 678 000' and by dots 'ĐT-12.345.678.000' are kept: 'ĐT' alone before an
   amount by spaces ending '000' is 'đầu tư' whatever its joint, the dash a label's joint as
   in 'SĐT-12 345 678 000' (session 65, C's decision 4): kept. A code's dash ('NM-12 345 678
   000') and a real label stay masked.

On the code before (19a98c63) the cells of CHANGED, the list's three rows and the changed
random-cell figure fail; AS_BEFORE passes before and after."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.id_cells import na_mon_posted
from tests.random_cells import cells, shown_places
from tests.test_session38_oracle import na_mon_rows

# (as written, as posted); each posted otherwise before this change
CHANGED = [
    # 1. a word of money among the label's words, the run of no person's shape: kept
    (
        "Zalo nhóm thôn nộp quỹ tháng này 425.350.500",
        "Zalo nhóm thôn nộp quỹ tháng này 425.350.500",
    ),
    ("CCCD của ông ấy nộp quỹ 425.350.510", "CCCD của ông ấy nộp quỹ 425.350.510"),
    ("Số điện thoại của con trai vay 625.350.510", "Số điện thoại của con trai vay 625.350.510"),
    ("ĐTDĐ nợ ngân hàng 425-350-510", "ĐTDĐ nợ ngân hàng 425-350-510"),
    ("SĐT chồng 0912.345.678, vay 487.654.321", "SĐT chồng ********5678, vay 487.654.321"),
    # 2. a CCCD by threes from the run's first group '000'
    ("000.221.138.832.504.232.900.000 đồng", "********2504.232.900.000 đồng"),
    ("000.221.138.832.504", "********2504"),
    ("000.362.426.495.2", "********6495.2"),
    # ... and an old CMND so ('000.701.166' alone is '********1166')
    ("000.701.166.542.000 đồng", "********1166.542.000 đồng"),
    # 3. a count after a number a label of the net names
    ("DĐ: 912 345 678 2 khẩu", "DĐ: ********5678 2 khẩu"),
    ("DĐ 912 345 678 2 khẩu", "DĐ ********5678 2 khẩu"),
    ("Zalo 912 345 678 2 khẩu", "Zalo ********5678 2 khẩu"),
    ("Tel: 912 345 678 2 khẩu", "Tel: ********5678 2 khẩu"),
    ("S.Đ.T 912 345 678 2 khẩu", "S.Đ.T ********5678 2 khẩu"),
    ("SĐT của con 912 345 678 2 khẩu", "SĐT của con ********5678 2 khẩu"),
    ("DĐ: 912 345 678 12 người", "DĐ: ********5678 12 người"),
    ("DĐ: ９１２ ３４５ ６７８ ２ khẩu", "DĐ: ********5678 ２ khẩu"),
    # 4. years by spaces
    ("Zalo 2020 2024 2025", "Zalo 2020 2024 2025"),
    ("2020 2024 2025", "2020 2024 2025"),
    ("SĐT: 1990 2020 2021", "SĐT: 1990 2020 2021"),
    ("Năm 2020 2024 2025 vay", "Năm 2020 2024 2025 vay"),
    ("Zalo ２０２０ ２０２４ ２０２５", "Zalo ２０２０ ２０２４ ２０２５"),
    # 5. 'ĐT' and a dash before an amount by spaces ending '000'
    ("ĐT-12 345 678 000", "ĐT-12 345 678 000"),
    ("ĐT-1 234 567 000", "ĐT-1 234 567 000"),
    ("đt-96 543 210 000", "đt-96 543 210 000"),
    ("Vốn ĐT-12 345 678 000", "Vốn ĐT-12 345 678 000"),
    ("ĐT–12 345 678 000", "ĐT–12 345 678 000"),
]

AS_BEFORE = [
    # 1. a person's shape, or a person's word or name among the words: masked
    ("SĐT nộp quỹ 912.345.678", "SĐT nộp quỹ ********5678"),
    ("CCCD nộp quỹ 212.345.678", "CCCD nộp quỹ ********5678"),
    ("CCCD của ông ấy nộp quỹ 01234567891", "CCCD của ông ấy nộp quỹ ********7891"),
    ("Zalo nộp quỹ 0425350500", "Zalo nộp quỹ ********0500"),
    ("SĐT thủ quỹ 425.350.510", "SĐT thủ quỹ ********0510"),
    ("SĐT anh Lương 425.350.510", "SĐT anh Lương ********0510"),
    ("SĐT đồng chí Hùng: 425.350.510", "SĐT đồng chí Hùng: ********0510"),
    ("ZALO NHÓM NỘP QUỸ 425.350.500", "ZALO NHÓM NỘP QUỸ ********0500"),
    ("SĐT chồng 0912.345.678, vay 987.654.321", "SĐT chồng ********5678, vay ********4321"),
    ("SĐT chồng 0912.345.678, vợ 487.654.321", "SĐT chồng ********5678, vợ ********4321"),
    # 2. a '000' after an amount's group: an amount's, as before
    ("12.000.221.138.832", "12.000.********8832"),
    ("000.221.138.832", "********8832"),
    ("000 221 138 832 504", "********2504"),
    # 3. no word after the count, or money: the run read whole
    ("DĐ: 912 345 678 2", "DĐ: ********6782"),
    ("DĐ: 912 345 678 2 đồng", "DĐ: ********6782 đồng"),
    ("DĐ: 0912 345 678 2 khẩu", "DĐ: ********5678 2 khẩu"),
    # 4. not all years: as before
    ("12 2020 2024", "********2024"),
    ("2020 2024 2025 0912345678", "2020 2024 2025 ********5678"),
    # 5. a code's dash, a real label, a CMND's first group
    ("NM-12 345 678 000", "NM-12 ********8000"),
    ("SĐT-12 345 678 000", "SĐT-********8000"),
    ("ĐT-212 345 678 000", "ĐT-********8000"),
    ("ĐT-12 212 345 678", "ĐT-12 ********5678"),
    ("ĐT.12 345 678 000", "ĐT.12 345 678 000"),
    ("ĐT-12.345.678.000", "ĐT-12.345.678.000"),
]


@pytest.mark.parametrize(("written", "posted"), CHANGED)
def test_changed(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize(("written", "posted"), CHANGED)
def test_changed_nfd(written, posted):
    nfd = unicodedata.normalize("NFD", written)
    assert unicodedata.normalize("NFC", mask_ids_in(nfd)) == posted


@pytest.mark.parametrize(("written", "posted"), AS_BEFORE)
def test_as_before(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("written", [w for w, p in CHANGED + AS_BEFORE if w != p])
def test_the_quick_look_flags_what_is_masked(written):
    assert may_hold_id(written)


def test_random_cells_joined_by_a_bare_dot():
    """Seeds 5, 6, 7 of session 57's random cells joined by a bare '.' (1,000 each): the cells
    showing a digit of a person's number beyond its last 4 were 1, 0 and 3; now 0, 0 and 2 (the
    two left: a CMND after a code's dot, 'NM.027.287.815', decided so in session 53, and a CCCD
    drawn from '000' after an amount's group, '…260.000.262.721.20.02.1995')."""
    left = []
    for seed in (5, 6, 7):
        left += [c.text for c in cells(seed, 1_000, ".", None)
                 if c.secret & shown_places(c.text, mask_ids_in(c.text))]  # fmt: skip
    assert left == ["001.128.575.780.260.000.262.721.20.02.1995", "071 124 786 185.NM.027.287.815"]


def test_the_posted_list(tmp_path):
    """May: Nà Mòn's heads NM1 'Hoàng Văn NM1 Zalo nhóm thôn nộp quỹ tháng này 425.350.500'
    (was '… ********0500'), NM2 'Hoàng Văn NM2 DĐ: 912 345 678 2 khẩu' (was '… DĐ: ********6782
    khẩu'), NM3 'Hoàng Văn NM3 Zalo 2020 2024 2025' (was '… Zalo ********2025')."""
    nm = na_mon_rows()
    nm[0]["chu_ho"] = "Hoàng Văn NM1 Zalo nhóm thôn nộp quỹ tháng này 425.350.500"
    nm[1]["chu_ho"] = "Hoàng Văn NM2 DĐ: 912 345 678 2 khẩu"
    nm[2]["chu_ho"] = "Hoàng Văn NM3 Zalo 2020 2024 2025"
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[:3] == [
        ("NM1", "Hoàng Văn NM1 Zalo nhóm thôn nộp quỹ tháng này 425.350.500"),
        ("NM2", "Hoàng Văn NM2 DĐ: ********5678 2 khẩu"),
        ("NM3", "Hoàng Văn NM3 Zalo 2020 2024 2025"),
    ]
    assert "912 345" not in text
