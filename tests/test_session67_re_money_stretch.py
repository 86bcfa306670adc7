"""Session 67's review of E's masking (RE): a word of money after a label keeps a run whose
groups hold a person's number before more digits (docs/decisions.md, 'Session 67: review of
E's masking of money words, years, counts and '000' runs (RE)').

E decided that a word of money among a label's words ('nộp', 'quỹ', 'vay', 'nợ' …) ends the
label's reach where the run read whole is of no person's shape (`_person_shaped`). But the
run is read whole with all its groups, so a phone before a year or a small number is no
person's shape as a whole, and the whole run was posted as written. By hand:

* 'SĐT nợ 912.345.678 2020': the run after 'SĐT nợ' is '912.345.678 2020', its groups 912,
  345, 678, 2020; read whole 9123456782020 (13 digits: no phone, no CCCD), so E's code posted
  it whole. Its first three groups are 912345678, the phone 0912345678 with its 0 lost (a
  number's in Excel): shown whole, all 9 of its digits. Before E (and now) the run is the
  label's number read whole, as 'SĐT 912.345.678 2020' without the word is read by the first
  pass: 8 stars and the run's last 4 digits, 'SĐT nợ ********2020'. So by spaces, commas,
  dashes, after 'Zalo' and six words, in full-width digits, and with a count after it
  ('… 2020 2 khẩu' keeps its count as before E).
* 'SĐT vay 243.825.6789 2020': 2438256789 is the landline 024 3825 6789 (02438256789) its 0
  lost: 'SĐT vay ********2020'.
* In a label's list: 'SĐT chồng 0912.345.678, vay 987.654.321 2020': E masks 'vay
  987.654.321' (0987654321 its 0 lost) but kept 'vay 987.654.321 2020' whole: now 'SĐT chồng
  ********5678, vay ********2020'.

The rule now: a word of money keeps the run where no stretch of its whole groups of 9 digits
or more (the whole among them) is of a person's shape (`_person_read`). E's kept amounts stay
kept (AS_BEFORE: 425,350,500 has no such stretch; '425.350.500 2020' neither: 425350500 from
4, 3505002020 from 3 is 10 digits without a 0 and no mobile's 11, 4253505002020 13 digits).

On E's code (8d6280c2) each CHANGED cell is posted as written and fails; AS_BEFORE passes
before and after."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.id_cells import na_mon_posted
from tests.test_session38_oracle import na_mon_rows

# (as written, as posted); each posted as written on E's code
CHANGED = [
    ("SĐT nợ 912.345.678 2020", "SĐT nợ ********2020"),
    ("SĐT nợ 912 345 678 2020", "SĐT nợ ********2020"),
    ("SĐT nợ 912,345,678 2020", "SĐT nợ ********2020"),
    ("SĐT nợ 912-345-678-2020", "SĐT nợ ********2020"),
    ("Số điện thoại vay 912.345.678.2020", "Số điện thoại vay ********2020"),
    ("SĐT nợ 2.912.345.678 2020", "SĐT nợ ********2020"),
    ("SĐT nợ ９１２.３４５.６７８ ２０２０", "SĐT nợ ********2020"),
    ("SĐT nợ 912.345.678 2020 2 khẩu", "SĐT nợ ********2020 2 khẩu"),
    (
        "Zalo nhóm thôn nộp quỹ tháng này 912.345.678 2020",
        "Zalo nhóm thôn nộp quỹ tháng này ********2020",
    ),
    ("SĐT vay 243.825.6789 2020", "SĐT vay ********2020"),
    (
        "SĐT chồng 0912.345.678, vay 987.654.321 2020",
        "SĐT chồng ********5678, vay ********2020",
    ),
]

AS_BEFORE = [
    # E's amounts: no stretch of their groups of a person's shape
    (
        "Zalo nhóm thôn nộp quỹ tháng này 425.350.500",
        "Zalo nhóm thôn nộp quỹ tháng này 425.350.500",
    ),
    (
        "Zalo nhóm thôn nộp quỹ tháng này 425.350.500 2020",
        "Zalo nhóm thôn nộp quỹ tháng này 425.350.500 2020",
    ),
    ("CCCD của ông ấy nộp quỹ 425.350.510", "CCCD của ông ấy nộp quỹ 425.350.510"),
    ("SĐT chồng 0912.345.678, vay 487.654.321", "SĐT chồng ********5678, vay 487.654.321"),
    # an amount and a date: 6,890,000 and 07, 689000007 (0689000007: no mobile's 06)
    ("SĐT nộp quỹ 6.890.000 07/12/2024", "SĐT nộp quỹ 6.890.000 07/12/2024"),
    # a phone from 0 before a year: the first pass masks the phone alone
    ("SĐT nợ 0912.345.678 2020", "SĐT nợ ********5678 2020"),
    # no word of money: the run read whole, as before
    ("SĐT 912 345 678 2020", "SĐT ********2020"),
]


@pytest.mark.parametrize(("written", "posted"), CHANGED + AS_BEFORE)
def test_posted(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize(("written", "posted"), CHANGED + AS_BEFORE)
def test_posted_nfd(written, posted):
    nfd = unicodedata.normalize("NFD", written)
    assert unicodedata.normalize("NFC", mask_ids_in(nfd)) == posted


@pytest.mark.parametrize("written", [w for w, p in CHANGED + AS_BEFORE if w != p])
def test_the_quick_look_flags_what_is_masked(written):
    assert may_hold_id(written)


def test_the_posted_list(tmp_path):
    """May: Nà Mòn's head NM1 'Hoàng Văn NM1 SĐT nợ 912.345.678 2020' (posted whole on E's
    code, the phone 0912345678 shown) is 'Hoàng Văn NM1 SĐT nợ ********2020'; NM2's amount
    'Hoàng Văn NM2 Zalo nhóm thôn nộp quỹ tháng này 425.350.500' stays as E decided."""
    nm = na_mon_rows()
    nm[0]["chu_ho"] = "Hoàng Văn NM1 SĐT nợ 912.345.678 2020"
    nm[1]["chu_ho"] = "Hoàng Văn NM2 Zalo nhóm thôn nộp quỹ tháng này 425.350.500"
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[:2] == [
        ("NM1", "Hoàng Văn NM1 SĐT nợ ********2020"),
        ("NM2", "Hoàng Văn NM2 Zalo nhóm thôn nộp quỹ tháng này 425.350.500"),
    ]
    assert "912.345" not in text
