"""Session 56 (Q): the posted list's residual leaks in random cells.

1. A CCCD (12 digits) after a '+84' or '(+84)' written before it ('+84 001094012345', '(+84)
   001.094.012.345', 'CCCD (+84) 077072664161') was posted whole: `text._persons` read after
   the country's code only a phone's 9 to 11 digits. Of 100,000 random cells a seed (R2's
   generator), 166, 181 and 196 (seeds 1, 2, 3) showed a person's number so, every cell that
   showed 5 digits or more of one beyond its last 4.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor."""

from __future__ import annotations

import pytest

from pipeline.text import mask_ids_in
from tests.id_cells import na_mon_posted
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
# As before, by hand: a phone after the code; 13 digits (no phone nor ID, as without the
# code); amounts
STILL_READ = [
    ("+84 0912345678", "********5678"),
    ("(+84) 912 345 678", "********5678"),
    ("+84 1234567890123", "+84 1234567890123"),
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
