"""Session 53's review of the masking on the posted list (NiemYet; helper R5).

Two leaks left by "Session 53: a number after a letter and a dot …": a phone or ID number
grouped by an en dash, an em dash or a middle dot ('0912–345–678', '0912 – 345 – 678', as
Word's AutoCorrect writes a spaced dash) and one written in full-width or another script's
digits ('０９１２３４５６７８') were posted whole: ``text.NUMBER_SEPARATORS`` and
``text.ID_IN_TEXT`` read ASCII alone, and ``text.may_hold_id`` dropped what is not ASCII. Now
the masking alone reads each such digit as its ASCII digit and each look-alike of a separator as
the separator (``text.SEPARATOR_LOOKALIKES``, ``text.ascii_number_text``), and shows the rest of
the text as written.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor. Each head is 'Hoàng Văn <code>'."""

from __future__ import annotations

import pytest

from pipeline.text import (
    NUMBER_SEPARATORS,
    SEPARATOR_LOOKALIKES,
    ascii_number_text,
    mask_ids_in,
    may_hold_id,
)
from tests.commune import person
from tests.id_cells import na_mon_posted
from tests.test_session38_oracle import na_mon_rows

# (as written, as posted), by hand: 8 stars and the number's last 4 digits (in ASCII), the
# words and marks around it as written. Each posted whole before.
MASKED = [
    # a phone grouped by an en dash, spaced or not, an em dash, a figure dash, a middle dot
    ("0912–345–678", "********5678"),
    ("0912 – 345 – 678", "********5678"),
    ("SĐT 0912—345—678", "SĐT ********5678"),
    ("0912‒345‒678", "********5678"),
    ("ĐT 0912·345·678 (con trai)", "ĐT ********5678 (con trai)"),
    ("0912–345.678", "********5678"),  # mixed with a dot: not even seen first before
    # an old CMND and a CCCD grouped by an en dash
    ("CMND 212–345–678", "CMND ********5678"),
    ("CCCD 001 – 204 – 012 – 345", "CCCD ********2345"),
    # full-width digits, in a row, dotted by the full-width full stop, after a name
    ("０９１２３４５６７８", "********5678"),
    ("Hoàng Văn An ０９１２３４５６７８", "Hoàng Văn An ********5678"),
    ("０９１２．３４５．６７８", "********5678"),
    ("CCCD ００１２０４０１２３４５", "CCCD ********2345"),
    # Arabic-Indic and mathematical bold digits
    ("٠٩١٢٣٤٥٦٧٨", "********5678"),
    ("𝟎𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖", "********5678"),
    # the marks around a number kept as written: the en dash before it (masked before too),
    # between two numbers, in a name before it
    ("Sinh 1970 – 0912 345 678", "Sinh 1970 – ********5678"),
    ("０９１２３４５６７８–０９８７６５４３２１", "********5678–********4321"),
    ("Đồng Mỏ – Làng Mới, ０９１２–３４５–６７８ ạ", "Đồng Mỏ – Làng Mới, ********5678 ạ"),
]
# Kept as written: amounts, codes, dates and date ranges with the same marks, and the marks
# in a name or a note
KEPT = [
    "1.500.000",
    "TL-01-001",
    "TL–01–001",
    "01.01.2024–31.12.2024",
    "01.01.2024 – 31.12.2024",
    "2020–2024",
    "１.５００.０００",
    "２.０００.０００ đồng",
    "thu nhập １ ５００ ０００ ０００ đồng",
    "Đồng Mỏ – Làng Mới",
    "Lò Thị Hoa · con Lò Văn Sơn",
    "Xóm ３",
]


@pytest.mark.parametrize(("written", "posted"), MASKED)
def test_a_number_in_lookalike_digits_or_separators_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("written", KEPT)
def test_an_amount_a_code_or_a_date_with_lookalikes_is_kept(written):
    assert mask_ids_in(written) == written


def test_the_first_look_sees_each_masked_form():
    """Each masked form is seen by ``may_hold_id`` alone and among a column of codes and names
    (a number in full-width digits, or mixed with a dot, was not)."""
    for written, _ in MASKED:
        assert may_hold_id(written), written
        assert may_hold_id("\x00".join(["TL-01-001", "Hoàng Văn An", written, "NM2"])), written
    for kept in ("TL–01–001", "Đồng Mỏ – Làng Mới", "１.５００.０００", "2020–2024"):
        assert not may_hold_id(kept), kept


def test_the_lookalikes_are_read_as_the_one_separator_definition():
    """Each look-alike stands for one of ``NUMBER_SEPARATORS``, one character for one: the text
    around a masked number is shown from what was written."""
    assert set(SEPARATOR_LOOKALIKES) <= set(NUMBER_SEPARATORS)
    written = "Lò – Hoa · ０１２３４５６７８９ ．٩"
    assert ascii_number_text(written) == "Lò - Hoa - 0123456789 .9"
    plain = "Hoàng Văn An 0912.345.678"
    assert ascii_number_text(plain) is plain


def test_the_public_list_masks_lookalike_numbers(tmp_path):
    """May: Nà Mòn writes NM2's head 'Hoàng Văn NM2 ĐT 0912 – 345 – 678', NM3's 'Hoàng Văn
    NM3 (０９８７６５４３２１)', NM1's 'Hoàng Văn NM1 – Đồng Mỏ' and a new poor household under
    the Mã hộ '２１２–３４５–６７８' (its head's CMND). NiemYet posted each number whole. Now, by
    hand: 'Hoàng Văn NM2 ĐT ********5678', 'Hoàng Văn NM3 (********4321)', the code
    '********5678', NM1's name as written; no number in the workbook's XML."""
    nm = na_mon_rows(person("２１２–３４５–６７８", "poor", chu_ho="Hoàng Văn Sáu"))
    nm[0]["chu_ho"] = "Hoàng Văn NM1 – Đồng Mỏ"
    nm[1]["chu_ho"] = "Hoàng Văn NM2 ĐT 0912 – 345 – 678"
    nm[2]["chu_ho"] = "Hoàng Văn NM3 (０９８７６５４３２１)"
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows == [
        ("NM1", "Hoàng Văn NM1 – Đồng Mỏ"),
        ("NM2", "Hoàng Văn NM2 ĐT ********5678"),
        ("NM3", "Hoàng Văn NM3 (********4321)"),
        ("********5678", "Hoàng Văn Sáu"),
        ("NM4", "Hoàng Văn NM4"),
        ("NM5", "Hoàng Văn NM5"),
    ]
    for secret in ("0912 – 345 – 678", "345 – 678", "０９８７６５４３２１", "６５４３２１",
                   "２１２–３４５–６７８", "３４５–６７８"):  # fmt: skip
        assert secret not in text, secret
