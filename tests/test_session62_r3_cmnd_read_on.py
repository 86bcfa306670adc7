"""Session 62, R3 (review of E's masking edges): a run of four groups of 3 digits or more after a
small head, with its currency ('100.212.345.678 đồng'), posted seven of an old CMND's nine
digits. Read from the left, '100.212.345' is an old CMND 3.3.3 and was masked
('********2345'); the CMND '212.345.678' after the head '100' was not read on past that part's
end, its currency read as its own (an amount of 212 million đồng, session 53), so
'********2345.678 đồng' showed its '2345.678'. Without the currency the run was masked whole
('********5678'). A number read on from within a masked part now takes the run's currency as
the run's, not its own, as a part begun after a bare dot does (session 61, E), where none of
its groups is '000' (an amount's). The same by spaces, dashes and '. '.

Every value worked out by hand: both readings (a CMND '100.212.345', or '100' and a CMND
'212.345.678') show no more than their last 4 digits in '********5678' (the first shows its
'5', the second its '5678'); an amount of 100 billion đồng or more is no household's (E's
decision 5). Every cell of MASKED failed before this change."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.id_cells import na_mon_posted
from tests.test_session38_oracle import na_mon_rows

# posted with seven of the CMND's digits before ('********2345.678 đồng' and the like)
MASKED = [
    ("100.212.345.678 đồng", "********5678 đồng"),
    ("100.212.345.678 VNĐ", "********5678 VNĐ"),
    ("100.212.345.678đ", "********5678đ"),
    ("100.212.345.678 đ", "********5678 đ"),
    ("300.212.345.678 đồng", "********5678 đồng"),
    ("Nợ 100.212.345.678 đồng ngân hàng", "Nợ ********5678 đồng ngân hàng"),
    ("Tổ 100.212.345.678 đồng", "Tổ ********5678 đồng"),
    ("100.212.345.678 đồng và 0912.345.678", "********5678 đồng và ********5678"),
    # the twins by spaces, dashes and '. ' ('********2345 678 đồng' before)
    ("100 212 345 678 đồng", "********5678 đồng"),
    ("Nợ 100 212 345 678 đ ngân hàng", "Nợ ********5678 đ ngân hàng"),
    ("NM 100 212 345 678 đồng", "NM ********5678 đồng"),
    ("100-212-345-678 đồng", "********5678 đồng"),
    ("100 - 212 - 345 - 678 đồng", "********5678 đồng"),
    ("100. 212. 345. 678 đồng", "********5678 đồng"),
    # a CCCD from a phone's code and the CMND '109.593.042' after it ('********9593-042')
    ("+84 0631-109-593-042 đồng", "********3042 đồng"),
]

# kept whole as before: an amount, or no CMND after the head ('999' and '456' begin none;
# '212.345.000' ends with an amount's '000'); E's pinned amounts among them
KEPT = [
    "212.345.678 đồng",
    "Vay 1.212.345.678 đồng",
    "5 212 345 678 đồng",
    "12.500.000.000 đồng",
    "100.000.000.000 đồng",
    # '100.212.345.000 đồng' and '12 345 678 900 đồng' (10 billion or more holding an old CMND)
    # masked since session 63, C
    "Vay 12.000.000 đồng, SĐT không có",
]

# masked as before this change
AS_BEFORE = [
    ("100.212.345.678", "********5678"),
    ("100 212 345 678", "********5678"),
    ("999.212.345.678 đồng", "999.********5678 đồng"),
    ("123.456.789.012 đồng", "********6789.012 đồng"),
    # masked whole since session 63, C, as '100.212.345.000 đồng' (its '2345 000' shown before)
    ("100 212 345 000 đồng", "********5000 đồng"),
    ("250.000.345.678 đồng", "********5678 đồng"),
    ("12.345.678.900 đồng", "12.********8900 đồng"),
    ("1.500.212.000.319 đồng", "1.500.********0319 đồng"),
    ("11.100.000.217.612.319 đồng", "11.100.000.********2319 đồng"),
    # an amount after a CCCD keeps its '700.000' (a '000' group: no CMND read on)
    ("03/10/1993.025.259.558.221.700.000 đồng", "03/10/1993.********8221.700.000 đồng"),
    ("66.007.294.238.208.700.000 đồng", "66.********8208.700.000 đồng"),
    ("03/10/1993 025 259 558 221 700 000 đồng", "03/10/1993 ********8221 700 000 đồng"),
]


@pytest.mark.parametrize(("written", "posted"), MASKED)
def test_the_cmnd_after_a_small_head_is_masked(written, posted):
    assert mask_ids_in(written) == posted
    assert may_hold_id(written)


def test_decomposed_text_and_fullwidth_digits_alike():
    nfd = unicodedata.normalize("NFD", "Nợ 100.212.345.678 đồng ngân hàng")
    assert mask_ids_in(nfd) == unicodedata.normalize("NFD", "Nợ ********5678 đồng ngân hàng")
    assert mask_ids_in("１００.２１２.３４５.６７８ đồng") == "********5678 đồng"


@pytest.mark.parametrize("written", KEPT)
def test_kept_as_written(written):
    assert mask_ids_in(written) == written


@pytest.mark.parametrize(("written", "posted"), AS_BEFORE)
def test_masked_as_before(written, posted):
    assert mask_ids_in(written) == posted


def test_the_posted_list_shows_no_more_than_the_cmnds_last_four(tmp_path):
    """May: NM1's head 'Hoàng Văn NM1 nợ 100.212.345.678 đồng'. NiemYet posted
    '********2345.678 đồng' (the CMND's '2345.678'); now '********5678 đồng', the number
    nowhere in the workbook nor the JSON."""
    nm = na_mon_rows()
    nm[0]["chu_ho"] = "Hoàng Văn NM1 nợ 100.212.345.678 đồng"
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[0] == ("NM1", "Hoàng Văn NM1 nợ ********5678 đồng")
    assert "345.678" not in text
    assert "2345.678" not in text
