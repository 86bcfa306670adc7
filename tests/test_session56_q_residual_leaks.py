"""Session 56 (Q): the posted list's residual leaks in random cells.

1. A CCCD (12 digits) after a '+84' or '(+84)' written before it ('+84 001094012345', '(+84)
   001.094.012.345', 'CCCD (+84) 077072664161') was posted whole: `text._persons` read after
   the country's code only a phone's 9 to 11 digits. Of 100,000 random cells a seed (R2's
   generator), 166, 181 and 196 (seeds 1, 2, 3) showed a person's number so, every cell that
   showed 5 digits or more of one beyond its last 4.
2. D's rule keeping a code's or a hamlet's small number beside a person's number
   (`text._code_word_apart`) kept a CCCD's, an old CMND's or a phone's first group where more
   groups followed the number ('NM 070 035 762 336 906' posted 'NM 070 ********6906', 'TL 09
   2398 4686 922' 'TL 09 ********4686 922'): the last 49, 62 and 64 random cells showing a
   digit beyond a number's last 4 (2 or 3 digits each).
3. A Mã hộ '84 912 345 678' (a phone after its country's code, no '+') was masked on NiemYet
   and the head told nothing: `rosterchecks` read a phone after '0' or '+84' alone.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor."""

from __future__ import annotations

import pytest

from pipeline.text import mask_ids_in
from tests.commune import person
from tests.id_cells import check_na_mon, na_mon_posted, phone_said
from tests.test_session38_oracle import na_mon_rows
from tests.test_session55_d_privacy import na_mon_poor_rows

# --- 1. a CCCD after a country's code ----------------------------------------------------------

# (as written, as posted), by hand: the CCCD (001094012345, 079213933605 …) 8 stars and its
# last 4 digits, the '+84' or '(+84)' before it masked with it as a phone's is; what is around
# kept. Before: each posted as written
CCCD_AFTER_PLUS_84 = [
    ("+84 001094012345", "********2345"),
    ("(+84) 001.094.012.345", "********2345"),
    ("+84 079213933605 20-06-2001", "********3605 20-06-2001"),
    ("CCCD (+84) 077072664161", "CCCD ********4161"),
    ("825.000.000 (+84) 039212332507", "825.000.000 ********2507"),
    ("Tổ 12 (+84) 083.230.492.934 01.07.2006", "Tổ 12 ********2934 01.07.2006"),
    ("27 240 000 đồng +84 (+84) 031238333664", "27 240 000 đồng +84 ********3664"),
]
# As before, by hand: a phone after the code; amounts ('+84 1234567890123', 13 digits, kept
# here until session 57, is masked since: tests/test_session57_c_privacy.py)
STILL_READ = [
    ("+84 0912345678", "********5678"),
    ("(+84) 912 345 678", "********5678"),
    ("Vay 1 500 000 000 đồng", "Vay 1 500 000 000 đồng"),
    ("Thu nhập 1.500.000", "Thu nhập 1.500.000"),
    ("2 500 000đ", "2 500 000đ"),
]


@pytest.mark.parametrize(("written", "posted"), CCCD_AFTER_PLUS_84)
def test_a_cccd_after_a_country_code_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize(("written", "posted"), STILL_READ)
def test_phones_and_amounts_after_or_without_a_country_code_read_as_before(written, posted):
    assert mask_ids_in(written) == posted


def test_a_run_posts_no_digit_of_a_cccd_after_a_country_code(tmp_path):
    """May: Nà Mòn lists NM1 headed 'Lò Văn A (+84) 001.094.012.345', NM2-NM5. By hand:
    posted 'Lò Văn A ********2345'; none of '001.094', '094.012', '012.345' in NiemYet's XML
    nor the JSON; Nà Mòn 3 poor, 2 near-poor."""
    nm = na_mon_rows()
    nm[0] = {**nm[0], "chu_ho": "Lò Văn A (+84) 001.094.012.345"}
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[0] == ("NM1", "Lò Văn A ********2345")
    for secret in ("001.094", "094.012", "012.345"):
        assert secret not in text, secret
    assert na_mon_poor_rows(tmp_path) == (3, 2)


# --- 2. a number's first group after a code's word, more groups after the number -------------

# (as written, as posted), by hand: the number 8 stars and the last 4 digits it is read to
# (the group after it read in where the spaced run reads it so, the lesser harm); the word
# before kept. Before: the first group kept ('NM 070 ********6906', 'Nguyễn Thị B 182
# ********2537', 'TL 09 ********4686 922', 'NM 034 ********1275 536', 'VNĐ 063 ********9883')
FIRST_GROUP_BEGUN = [
    ("NM 070 035 762 336 906", "NM ********6906"),
    ("Nguyễn Thị B 182 045 752 537", "Nguyễn Thị B ********2537"),
    ("TL 09 2398 4686 922", "TL ********4686 922"),
    ("NM 034 514 1275 536", "NM ********1275 536"),
    ("VNĐ 063 089 152 509 032 130 779 883", "VNĐ ********9883"),
]
# As D and R2 posted them, by hand: the small number kept beside a phone, 9 digits or a CCCD
# (no phone's nor ID's shape with what follows); an amount kept
STILL_KEPT = [
    ("NM 01 0912345678", "NM 01 ********5678"),
    ("Xóm 3 001 094 012 345", "Xóm 3 ********2345"),
    ("TL 001 001204012345", "TL 001 ********2345"),
    ("Tổ 12 0912 345 678", "Tổ 12 ********5678"),
    ("Tổ 1 212 345 678", "Tổ 1 ********5678"),
    ("Tổ 1 500 000 000", "Tổ 1 500 000 000"),
]


@pytest.mark.parametrize(("written", "posted"), FIRST_GROUP_BEGUN)
def test_a_numbers_first_group_after_a_code_word_is_masked_with_it(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize(("written", "posted"), STILL_KEPT)
def test_a_code_words_small_number_is_still_kept(written, posted):
    assert mask_ids_in(written) == posted


# --- 3. a Mã hộ of a phone after '84' without its '+' --------------------------------------------

# Nà Mòn's new households (rows 10 on), each told a phone's warning, the cell quoted as written
# (by hand). Before: the first four told nothing (posted '********5678'); '+84 912 345 678'
# told as before
PHONES_AFTER_84 = ["84 912 345 678", "84.987.654.321", "84 383123456", "84-356-789-012",
                   "+84 912 345 679"]  # fmt: skip


def test_a_phone_after_84_without_its_plus_is_told(tmp_path):
    """`check` of Nà Mòn's May list: NM1-NM5, then new households under :data:`PHONES_AFTER_84`."""
    found = check_na_mon(tmp_path, na_mon_rows(*(person(code, "poor") for code in PHONES_AFTER_84)))
    said = [(f"B{10 + at}", "warning", phone_said(code)) for at, code in enumerate(PHONES_AFTER_84)]
    assert [(i.cell, i.severity, i.message("vi")) for i in found] == said
