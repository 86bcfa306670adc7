"""Session 57's review of the privacy changes (R5): a phone's or an ID's label, a dot, then a
grouped number ('ĐT.0912.345.678', 'SĐT.0912.345.678', 'CCCD.001.204.012.345') was read as a
code's part ('NM.212.345.678') and posted whole: pinned so by sessions 52-54, though the label
says whose number it is. Now read as after the label and a space; a code's part after a dot
with no label before it, and an amount by its currency after 'Vốn ĐT.', are kept.

2. A date range by bare dashes ('05-11-2024-11-02-2025', '2024-03-05-2024-07-12') was read in
parts since session 57 (C2), a part cut within a date: '05-11-2024-11' 0511202411, a phone's
digits, masked ('********2411-02-2025'; 2,634 of 5,000 random ranges). Now no part of a
dashed run begins or ends within a date; a phone by dashes after a date is still masked, the
date shown ('12-03-2024-0912-345-678' is '12-03-2024-********5678', not '12-********5678').

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor."""

from __future__ import annotations

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.id_cells import na_mon_posted
from tests.test_session38_oracle import na_mon_rows
from tests.test_session55_d_privacy import na_mon_poor_rows

# (as written, as posted), by hand: the number 8 stars and its last 4 digits, the label and its
# dot as written. Before: each posted whole
LABELLED_AFTER_A_DOT = [
    ("ĐT.0912.345.678", "ĐT.********5678"),
    ("SĐT.0912.345.678", "SĐT.********5678"),
    ("sđt.0912.345.678 (vợ)", "sđt.********5678 (vợ)"),
    ("ĐT.0912-345-678", "ĐT.********5678"),
    ("ĐT.0912.345678", "ĐT.********5678"),
    ("đt.091.234.5678", "đt.********5678"),
    ("DT.0912.345.678", "DT.********5678"),
    ("CCCD.001.204.012.345", "CCCD.********2345"),
    ("Số CCCD.001.204.012.345", "Số CCCD.********2345"),
    ("CMND.212.345.678", "CMND.********5678"),
    ("Lò Văn A ĐT.0912.345.678", "Lò Văn A ĐT.********5678"),
]
# No label before the dot: a code's part, or an amount by its currency after 'Vốn ĐT.' (đầu
# tư) or grouped to '000' after 'ĐT.'; kept as written, before and after
# ('NM.0912.345.678', a phone called today, masked since session 59, C)
# ('Tổ.212.345.678', a word's dot, masked since session 60's review, G2: its test's)
KEPT = ["NM.212.345.678", "TL.01.001", "HN.2024.000123",
        "Vốn ĐT.212.345.678 đồng", "ĐT.150.000.000 đ", "12.03.2024", "167.06277.001"]  # fmt: skip


@pytest.mark.parametrize(("written", "posted"), LABELLED_AFTER_A_DOT)
def test_a_labelled_number_after_a_dot_is_masked(written, posted):
    assert mask_ids_in(written) == posted
    # the first look sees it, alone and among a commune's codes (else a column holding it
    # alone would be posted whole)
    assert may_hold_id(written)
    assert may_hold_id("\x00".join(["TL-01-001", written, "167.06277.001"]))


@pytest.mark.parametrize("written", KEPT)
def test_a_codes_part_after_a_dot_and_an_amount_are_kept(written):
    assert mask_ids_in(written) == written


def test_the_first_look_passes_dotted_codes_without_a_label():
    for kept in ("167.06277.001", "TL.01.001", "12.03.2024"):
        assert not may_hold_id(kept), kept


def test_a_run_posts_no_digit_of_a_labelled_phone_after_a_dot(tmp_path):
    """May: Nà Mòn lists NM1 headed 'Lò Văn A ĐT.0912.345.678', NM2-NM5. By hand: posted 'Lò
    Văn A ĐT.********5678'; '0912' in neither NiemYet's XML nor the JSON; Nà Mòn 3 poor, 2
    near-poor."""
    nm = na_mon_rows()
    nm[0] = {**nm[0], "chu_ho": "Lò Văn A ĐT.0912.345.678"}
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[0] == ("NM1", "Lò Văn A ĐT.********5678")
    assert "0912.345" not in text and "0912" not in text
    assert na_mon_poor_rows(tmp_path) == (3, 2)


# --- 2. a date range by bare dashes ----------------------------------------------------------

# By hand: no person's number, kept as written. Before: each masked, a part cut within a date
# ('05-11-2024-11' 0511202411, '03-2024-31-03' 0320243103, '2024-03-05-2024' … '03-05-2024-07'
# 0305202407: a mobile's 10 digits from 03, 05)
DATE_RANGES = ["05-11-2024-11-02-2025", "01-03-2024-31-03-2024", "23-05-2023-23-08-2025",
               "2024-03-05-2024-07-12", "Tạm trú 05-11-2024-11-02-2025"]  # fmt: skip
# (as written, as posted), by hand: the phone after or before a date masked, the date shown.
# Before: '12-********5678' (the date's day alone shown); the second and third as now
PHONE_BY_A_DATE = [
    ("12-03-2024-0912-345-678", "12-03-2024-********5678"),
    ("0912-345-678-12-03-2024", "********5678-12-03-2024"),
    ("031-826-3304-25-10-2010", "********3304-25-10-2010"),
]


@pytest.mark.parametrize("written", DATE_RANGES)
def test_a_date_range_by_bare_dashes_is_kept(written):
    assert mask_ids_in(written) == written


@pytest.mark.parametrize(("written", "posted"), PHONE_BY_A_DATE)
def test_a_phone_by_dashes_beside_a_dashed_date_is_masked_the_date_shown(written, posted):
    assert mask_ids_in(written) == posted
    assert may_hold_id(written)
