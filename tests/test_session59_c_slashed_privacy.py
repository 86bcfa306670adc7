"""Session 59, C: the posted list (NiemYet) masks the persons' numbers session 58 left whole.

Session 58 masked a phone, a CCCD or an old CMND by a bare '/' or ','; left posted whole (by
hand, each below): spaces around the '/' ('0912 / 345 / 678'), marks mixed within one number
('0912 345/678', '0912.345/678'), the full-width '／' and '，', the country's code before
('+84 912/345/678', '84/912/345/678'), and a phone called today after a code's letters and a
bare dot ('NM.0912.345.678', decided in session 58's review). Over-masked: a document's
number, its code, year and serial ('012/2024/0005', an old mobile's 11 digits 3-4-4 from 01).
Every expected value is worked out by hand: 8 stars and the number's last 4 digits, what is
around it as written."""

from __future__ import annotations

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.random_cells import cells, shown_places

# (as written, as posted); each posted whole before (all its digits shown)
MASKED = [
    # spaces around the '/'
    ("0912 / 345 / 678", "********5678"),
    ("0912/ 345/ 678", "********5678"),
    ("0912 /345 /678", "********5678"),
    ("SĐT: 0912 / 345 / 678", "SĐT: ********5678"),
    ("CCCD 001204 / 012345", "CCCD ********2345"),
    ("CMND 212 / 345 / 678", "CMND ********5678"),
    # marks mixed within one number
    ("0912 345/678", "********5678"),
    ("0912.345/678", "********5678"),
    ("0912-345/678", "********5678"),
    ("0912/345.678", "********5678"),
    ("0912/345 678", "********5678"),
    ("0912/345,678", "********5678"),
    ("001.204/012.345", "********2345"),
    # the full-width '／' and '，' (read as ASCII; the rest of the text as written)
    ("ĐT 0912／345／678", "ĐT ********5678"),
    ("０９１２，３４５，６７８", "********5678"),
    # after the country's code: the code masked with the number, as '+84 912 345 678' is
    ("+84 912/345/678", "********5678"),
    ("(+84) 912/345/678", "********5678"),
    ("84/912/345/678", "********5678"),
    ("SĐT +84 912 / 345 / 678", "SĐT ********5678"),
    # a phone called today after a code's letters and a bare dot (session 58's review)
    ("NM.0912.345.678", "NM.********5678"),
    ("NM.0912.345678", "NM.********5678"),
    ("Hoàng Văn An NM.0987.654.321", "Hoàng Văn An NM.********4321"),
]


@pytest.mark.parametrize(("written", "posted"), MASKED)
def test_a_persons_number_left_by_session_58_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize(("written", "posted"), MASKED)
def test_the_quick_look_flags_each(written, posted):
    """`may_hold_id` (a column it passes is posted as it is) flags every cell masked, alone and
    among a commune's codes."""
    assert may_hold_id(written)
    assert may_hold_id("\x00".join(["TL-01-001", written, "167.06277.001"]))


# Realistic notes: a date and an amount beside the phone, kept as written
NOTES = [
    (
        "Vay 20.000.000 đồng ngày 12/03/2024, SĐT 0912 / 345 / 678",
        "Vay 20.000.000 đồng ngày 12/03/2024, SĐT ********5678",
    ),
    (
        "Ngày 05/01/2024 vay 15,000,000 đồng, ĐT 0987 654/321, 2,5 ha",
        "Ngày 05/01/2024 vay 15,000,000 đồng, ĐT ********4321, 2,5 ha",
    ),
    (
        "QĐ 012/2024/0005 ngày 12 / 03 / 2024, liên hệ +84 912/345/678",
        "QĐ 012/2024/0005 ngày 12 / 03 / 2024, liên hệ ********5678",
    ),
    ("12/03/2024 0912 345/678", "12/03/2024 ********5678"),
    ("Thu nhập 1.500.000/tháng, NM.0912.345.678", "Thu nhập 1.500.000/tháng, NM.********5678"),
]


@pytest.mark.parametrize(("written", "posted"), NOTES)
def test_a_note_with_a_date_and_an_amount_shows_them(written, posted):
    assert mask_ids_in(written) == posted
    assert may_hold_id(written)


# Kept as written: a document's number (code, year, serial: '012/2024/0005' was masked as an
# old mobile's 11 digits 3-4-4), dates with spaces around '/', amounts, household codes
KEPT = [
    "012/2024/0005",
    "Sổ hộ nghèo 012/2024/0005",
    "012/2024/0912",
    "Số 0123/2024/QĐ-UBND",
    "12 / 03 / 2024",
    "01/01/2024 - 31/12/2024",
    "1.500.000/2.000.000",
    "Năm học 2023 / 2024",
    "Vay 212,345,678 đồng",
    "NM.212.345.678",
    "TL.01.001",
    "HN.2024.000123",
    "NM.0101.234.567",
    "167.06277.001",
    "03, 05, 07, 12",
]


@pytest.mark.parametrize("written", KEPT)
def test_dates_amounts_documents_and_codes_are_kept(written):
    assert mask_ids_in(written) == written


@pytest.mark.parametrize("written", ["012/2024/0005", "12 / 03 / 2024", "1.500.000/2.000.000"])
def test_the_quick_look_passes_documents_dates_and_amounts(written):
    assert not may_hold_id(written)


# Random cells (tests.random_cells, seed 7, 1,000 each): a person's number's groups by ' / ',
# '/ ', the full-width '／', or by marks mixed (' /', '/', '-', '.'); none shows a hidden digit, each masked is
# flagged
@pytest.mark.parametrize("inner", [[" / "], ["/ "], ["／"], [" /", "/", "-", "."]])
def test_no_random_cell_shows_a_hidden_digit(inner):
    drawn = list(cells(7, 1_000, " ", inner))
    shown = [(c.text, mask_ids_in(c.text)) for c in drawn
             if c.secret & shown_places(c.text, mask_ids_in(c.text))]  # fmt: skip
    assert shown == []
    assert [
        c.text for c in drawn if mask_ids_in(c.text) != c.text and not may_hold_id(c.text)
    ] == []
