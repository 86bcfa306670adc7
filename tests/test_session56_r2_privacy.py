"""Session 56 (R2): the review of session 56's privacy changes, cells as heads type them.

1. D's rule keeping a code's or a hamlet's small number beside a phone (`text._code_word_apart`)
   kept the first group of a CCCD grouped by threes after a name's capital or a code: 'Lò Văn
   A 001 094 012 345' was posted 'Lò Văn A 001 ********2345', seven of the CCCD's digits shown
   (before D, and now, 'Lò Văn A ********2345').
2. A CCCD grouped by single spaces in threes among more spaced groups was read in no part
   (session 53's spaced run reads a phone's groups, not 9-12 digits grouped by spaces): 'Lò
   Văn A 001 094 012 345 0912345678' posted the CCCD whole; '001 094 012 345 0912 345 678'
   '001 094 ********0912 345 678' (ten of the CCCD's digits and the whole phone).
3. An old CMND grouped by spaces in threes after a small number ('Tổ 1 212 345 678', 'Lò Văn
   An 1 212 345 678') was read as an amount of 10 digits and posted whole (D's Left): now no
   amount without its currency unless it ends '000 000' (`text._cmnd_by_threes`).
4. A Mã hộ of a phone glued by '+' to another after its country's code
   ('0912345678+84987654321', 'NM7+84987654321') was masked on NiemYet and the head told
   nothing: D's `rosterchecks._JOINED` splits at no '+' before '84'; now before it, the '+'
   kept with the country's code.
5. A date before a spaced phone ('12 03 2024 0912 345 678'): session 53's parts read '03 2024
   0912' first, a phone's shape, and posted '12 ********0912 345 678', the whole phone shown;
   now a person's number read from a part's group on past its end is masked with the part,
   and with a later part it reaches into.
6. A phone in two groups by a mark, the second longer than 4 digits ('SĐT 0912.345678',
   '0912-345678', '091.2345678') was posted whole (session 54 pinned '0912-345678' so, a
   code's shape): masked now, in two groups, its first of 2 to 4 digits ('05.001.00123', a
   code in three, kept).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor."""

from __future__ import annotations

import pytest

from pipeline.text import mask_ids_in
from tests.commune import person
from tests.id_cells import check_na_mon, na_mon_posted, phone_said
from tests.test_session38_oracle import na_mon_rows
from tests.test_session55_d_privacy import na_mon_poor_rows

# --- 1. a CCCD's first group is no code's number ------------------------------------------------

# (as written, as posted), by hand: the CCCD 001094012345 (Hà Nội's 001, a man born in 1994)
# masked whole, 8 stars and its last 4 digits; the word before kept. Before: '… 001
# ********2345' (its province's '001' shown beside the last 4)
CCCD_AFTER_A_WORD = [
    ("Lò Văn A 001 094 012 345", "Lò Văn A ********2345"),
    ("NM 001 094 012 345", "NM ********2345"),
    ("CCCD SỐ 001 094 012 345", "CCCD SỐ ********2345"),
    ("Lò Văn A 001 204012345", "Lò Văn A ********2345"),
    ("NM 00 1094012345", "NM ********2345"),
    ("NM 001 094.012.345", "NM ********2345"),
]
# As D posted them, by hand: the small number beside a phone (12 digits from 0 together, but
# what follows a phone alone), or beside 9 digits (11 together), or a hamlet's '3' before the
# CCCD (13 together)
STILL_APART = [
    ("NM 01 0912345678", "NM 01 ********5678"),
    ("NM 01 212345678", "NM 01 ********5678"),
    ("Xóm 3 001 094 012 345", "Xóm 3 ********2345"),
    ("TL 001 001204012345", "TL 001 ********2345"),
]


@pytest.mark.parametrize(("written", "posted"), CCCD_AFTER_A_WORD)
def test_a_cccds_first_group_after_a_capital_or_a_code_is_masked_with_it(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize(("written", "posted"), STILL_APART)
def test_a_codes_small_number_beside_a_phone_is_still_kept(written, posted):
    assert mask_ids_in(written) == posted


def test_a_run_posts_no_digit_of_a_cccd_beside_a_heads_initial(tmp_path):
    """May: Nà Mòn lists NM1 headed 'Lò Văn A 001 094 012 345' (his CCCD after his name),
    NM2-NM5. By hand: posted 'Lò Văn A ********2345'; none of '001 094', '094 012', '001094'
    in NiemYet's XML nor the JSON; Nà Mòn 3 poor, 2 near-poor (the name no count's)."""
    nm = na_mon_rows()
    nm[0] = {**nm[0], "chu_ho": "Lò Văn A 001 094 012 345"}
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[0] == ("NM1", "Lò Văn A ********2345")
    for secret in ("001 094", "094 012", "001094", "A 001"):
        assert secret not in text, secret
    assert na_mon_poor_rows(tmp_path) == (3, 2)


# --- 2. a CCCD by threes among more spaced groups ------------------------------------------------

# (as written, as posted), by hand: the CCCD 001094012345 and the phone 0912345678 each 8 stars
# and its last 4 digits; a year before kept. Before: the CCCD shown whole ('… 001 094 012 345
# ********5678', '1970 001 094 012 345', '********5678 001 094 012 345'), or '001 094
# ********0912 345 678' (a phone read in '012 345 0912')
CCCD_AMONG_SPACED = [
    ("Lò Văn A 001 094 012 345 0912345678", "Lò Văn A ********2345 ********5678"),
    ("1970 001 094 012 345", "1970 ********2345"),
    # one masked: a phone's shape '012 345 0912' (or an old CMND's '345 678 001') read across
    # them is masked with both (section 5), the last 4 digits of the last shown
    ("001 094 012 345 0912 345 678", "********5678"),
    ("0912 345 678 001 094 012 345", "********2345"),
]
# As before, by hand: years grouped by spaces (no CCCD's threes), a phone after a year
SPACED_AS_BEFORE = [
    ("2019 2020 2021 2022", "2019 2020 2021 2022"),
    ("1970 0912 345 678", "1970 ********5678"),
    ("Vay 1 500 000 000 đồng", "Vay 1 500 000 000 đồng"),
]


@pytest.mark.parametrize(("written", "posted"), CCCD_AMONG_SPACED)
def test_a_cccd_by_threes_among_more_spaced_groups_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize(("written", "posted"), SPACED_AS_BEFORE)
def test_other_spaced_groups_are_read_as_before(written, posted):
    assert mask_ids_in(written) == posted


# --- 3. an old CMND by threes after a small number -------------------------------------------

# (as written, as posted), by hand: the CMND 212345678 (or 012345678) 8 stars and its last 4
# digits; a code's or a hamlet's number beside it kept (D's rule), else masked with it. Before:
# each posted whole but the phone ('Tổ 1 212 345 678 ********5678')
CMND_AFTER_SMALL = [
    ("Tổ 1 212 345 678", "Tổ 1 ********5678"),
    ("Xóm 12 212 345 678", "Xóm 12 ********5678"),
    ("Lò Văn An 1 212 345 678", "Lò Văn An ********5678"),
    ("1 012 345 678", "********5678"),
    ("Tổ 1 212 345 678 0912345678", "Tổ 1 ********5678 ********5678"),
]
# Amounts as before, by hand: before a currency, ending '000 000', from 4-9 after the small
# number
AMOUNTS_AS_BEFORE = [
    ("Tổ 1 212 345 678 đồng", "Tổ 1 212 345 678 đồng"),
    ("Tổ 1 200 000 000", "Tổ 1 200 000 000"),
    ("Vay NH 1 250 000 000", "Vay NH 1 250 000 000"),
    ("VAY 1 500 000 000", "VAY 1 500 000 000"),
    ("1 500 000 000 0912345678", "1 500 000 000 ********5678"),
]


@pytest.mark.parametrize(("written", "posted"), CMND_AFTER_SMALL)
def test_an_old_cmnd_by_threes_after_a_small_number_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize(("written", "posted"), AMOUNTS_AS_BEFORE)
def test_an_amount_after_a_small_number_is_kept(written, posted):
    assert mask_ids_in(written) == posted


def test_a_run_posts_no_cmnd_after_a_small_number_nor_a_cccd_before_a_phone(tmp_path):
    """May: Nà Mòn lists NM1 headed 'Lò Văn An 1 212 345 678', NM2 'Lò Văn B 001 094 012 345
    0912345678', NM3-NM5. Before: both names posted with the CMND or the CCCD whole. By hand:
    'Lò Văn An ********5678', 'Lò Văn B ********2345 ********5678'; none of '212 345', '345
    678', '001 094', '094 012', '012 345' in NiemYet's XML nor the JSON; Nà Mòn 3 poor, 2
    near-poor."""
    nm = na_mon_rows()
    nm[0] = {**nm[0], "chu_ho": "Lò Văn An 1 212 345 678"}
    nm[1] = {**nm[1], "chu_ho": "Lò Văn B 001 094 012 345 0912345678"}
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[:2] == [
        ("NM1", "Lò Văn An ********5678"),
        ("NM2", "Lò Văn B ********2345 ********5678"),
    ]
    for secret in ("212 345", "345 678", "001 094", "094 012", "012 345"):
        assert secret not in text, secret
    assert na_mon_poor_rows(tmp_path) == (3, 2)


# --- 4. a '+' before a country's code joins two numbers --------------------------------------

# Nà Mòn's new households (rows 10 on) and what is told, by hand: each a phone's warning, the
# cell quoted as written. Before: the first two told none (masked '********5678+********4321',
# 'NM7+********4321'); '(+84) 912 345 678' told a phone as before
PLUS_84 = [("0912345678+84987654321", "phone"), ("NM7+84987654321", "phone"),
           ("(+84) 912 345 678", "phone")]  # fmt: skip


def test_a_phone_glued_by_plus_to_one_after_its_country_code_is_told(tmp_path):
    """`check` of Nà Mòn's May list: NM1-NM5, then new households under :data:`PLUS_84`."""
    found = check_na_mon(tmp_path, na_mon_rows(*(person(code, "poor") for code, _ in PLUS_84)))
    said = [(f"B{10 + at}", "warning", phone_said(code)) for at, (code, _) in enumerate(PLUS_84)]
    assert [(i.cell, i.severity, i.message("vi")) for i in found] == said


# --- 5. a part that took a phone's start ---------------------------------------------------

# (as written, as posted), by hand: the phone 0912345678 (or the CCCD 001094012345) masked
# with the date's groups read into it, 8 stars and the number's last 4; the date's groups not
# read kept; the phone 0959649249 (3-3-4) after '223', read first as an old CMND's '223 095
# 964' with section 3's rule, masked with it. Before: '12 ********0912 345 678', 'Ngày 12
# ********0912 345 678', '12 ********0912.345.678', '********4001 094 012 345', '********5964
# 9249' (section 3's rule alone; '223 ********9249' before it); a CCCD's or a CMND's shape by
# threes (sections 2 and 3) that took a dashed phone's first group ('036 747 664 052', '381
# 911 099', '390 000 051'), the phone reaching into the part after it (a date's or an
# amount's groups read as 9-12 spaced digits): all one, the last 4 digits of the last shown.
# Before: '********4052-574-********2022', '********1099-158-********9000 000', '11
# ********0051-200-********2006' (the phone's first 7 digits shown)
PART_TOOK_A_START = [
    ("12 03 2024 0912 345 678", "12 ********5678"),
    ("Ngày 12 03 2024 0912 345 678", "Ngày 12 ********5678"),
    ("12 03 2024 0912.345.678", "12 ********5678"),
    ("01 03 2024 001 094 012 345", "********2345"),
    ("223 095 964 9249", "********9249"),
    ("036 747 664 052-574-7891 23 09 2022", "********2022"),
    ("381 911 099-158-9261 2 629 000 000", "********9000 000"),
    ("11 390 000 051-200-4997 17 10 2006", "11 ********2006"),
]
# As before, by hand: the date apart by dots or the phone in a row (no part took its start), two
# spaced phones
PARTS_AS_BEFORE = [
    ("12.03.2024 0912 345 678", "12.03.2024 ********5678"),
    ("12 03 2024 0912345678", "12 03 2024 ********5678"),
    ("0912 345 678 0987 654 321", "********5678 ********4321"),
]


@pytest.mark.parametrize(("written", "posted"), PART_TOOK_A_START)
def test_a_phone_whose_start_a_part_took_is_masked_with_it(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize(("written", "posted"), PARTS_AS_BEFORE)
def test_parts_no_other_part_took_are_read_as_before(written, posted):
    assert mask_ids_in(written) == posted


# --- 6. a phone grouped by a mark, a group longer than 4 ----------------------------------------

# (as written, as posted), by hand: the phone 0912345678 (or 0844357774) 8 stars and its last
# 4 digits. Before: each posted whole but the last ('0844-********3683 016': '0844' shown)
PHONE_LONG_GROUP = [
    ("SĐT 0912.345678", "SĐT ********5678"),
    ("0912-345678", "********5678"),
    ("Lò Văn A 091.2345678", "Lò Văn A ********5678"),
    ("09.12345678 Xóm 3", "********5678 Xóm 3"),
    ("0844-357774 373 683 016", "********7774 ********3016"),
]
# As before, by hand: a code's part after a dash, a date, dotted codes, a year range, an amount
LONG_GROUP_AS_BEFORE = [
    ("TL-0101-234567", "TL-0101-234567"),
    ("12.03.2024", "12.03.2024"),
    ("167.06277.001", "167.06277.001"),
    ("2020-2024", "2020-2024"),
    ("05.001.00123", "05.001.00123"),
    ("Vay 12.000.000 đồng", "Vay 12.000.000 đồng"),
]


@pytest.mark.parametrize(("written", "posted"), PHONE_LONG_GROUP)
def test_a_phone_grouped_by_a_mark_a_group_longer_than_4_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize(("written", "posted"), LONG_GROUP_AS_BEFORE)
def test_codes_dates_and_amounts_are_kept(written, posted):
    assert mask_ids_in(written) == posted
