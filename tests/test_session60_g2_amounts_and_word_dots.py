"""Session 60's review (G2) of G's dot runs, on the posted list (NiemYet).

1. An amount of 9 digits from 1-3 ending '000.000' without its currency ('Vay 120.000.000', a
   loan of 120 million) was posted '********0000' as an old CMND 3.3.3: it is kept, by dots and
   by spaces, as a CMND among more spaced groups has been since session 56. From 0, or any other
   ending, it is masked as before.
2. After a word's bare dot an old CMND by dots was read as a code's part ('ngày.226.329.218',
   'VNĐ.138.012.897' posted whole): only a code's letters (capitals A-Z or 'Đ', digits with
   them) make the dot a code's ('NM.212.345.678' kept, session 53, R3); after a word with a
   small letter or a tone mark, or the currency, the number is a person's.
3. A phone with a '000' group among a run of bare dots ('12.03.2024.0912.000.678') was posted
   whole since G's change (masked before it): a part begun as a phone's may hold a '000'.

Each value is worked out by hand: the number's last 4 digits after 8 stars, the rest as
written. The first two lists failed before (posted whole, or the amount masked)."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.id_cells import na_mon_posted
from tests.random_cells import cells, shown_places
from tests.test_session38_oracle import na_mon_rows

AMOUNTS_KEPT = [
    "Vay 120.000.000",
    "vay 150.000.000",
    "300.000.000",
    "Vay 120.000.000.",
    "Vay 120 000 000",
    "Hỗ trợ 200-000-000",
    # 'ĐT' alone before money as _an_amount reads it (đầu tư): no phone is 120.000.000
    "Vốn ĐT.120.000.000",
]
AFTER_A_WORDS_DOT = [
    ("ngày.226.329.218", "ngày.********9218"),
    ("Ngày.226.329.218", "Ngày.********9218"),
    ("VNĐ.138.012.897", "VNĐ.********2897"),
    ("Vnđ.138.012.897", "Vnđ.********2897"),
    ("vay.212.345.678", "vay.********5678"),
    # kept by session 57 R5's test as 'no label before the dot': a word's (a tone mark)
    ("Tổ.212.345.678", "Tổ.********5678"),
    # no word glued before the dot: no code's letters either
    ("(ngày).226.329.218", "(ngày).********9218"),
    (".212.345.678", ".********5678"),
    ("NGÀY.226.329.218", "NGÀY.********9218"),
    ("Vay 12.000.000 đồng.212.345.678", "Vay 12.000.000 đồng.********5678"),
    # the amount kept, the phone after it masked
    ("120.000.000.0912.345.678", "120.000.000.********5678"),
]
# A phone holding a '000' group among a run of bare dots: its part may hold the '000' where it
# begins as a phone's 4-3-3 or 2-4-4 ('12.03.2024.0912.000.678' was masked on 23f8c911 and
# posted whole at G's merge, G's parts holding no '000' group)
PHONE_WITH_000 = [
    ("12.03.2024.0912.000.678", "12.03.2024.********0678"),
    ("Vay 5.000.000.0912.000.678", "Vay 5.000.000.********0678"),
    ("12.0912.000.678", "12.********0678"),
    ("5.0912.345.000", "5.********5000"),
]
# Masked as before: from 0 (no amount is), not ending '000.000', a CMND after an ID's label
STILL_MASKED = [
    ("012.000.000", "********0000"),
    ("120.000.001", "********0001"),
    ("212.345.678", "********5678"),
    ("120.500.000", "********0000"),
    ("CMND.212.000.000", "CMND.********0000"),
]
# Kept as before: a code's letters before its dot, amounts, dates
KEPT = [
    "NM.212.345.678",
    "ĐK.212.345.678",
    "NM1.212.345.678",
    "TL.01.001",
    "HN.2024.000123",
    "Vay 120.000.000 đồng",
    # '1.212.345.678' without its currency a small number and a CMND since session 61, R2
    "1.212.345.678 đồng",
]


@pytest.mark.parametrize("written", AMOUNTS_KEPT)
def test_an_amount_ending_two_000_groups_is_kept(written):
    assert mask_ids_in(written) == written


@pytest.mark.parametrize(("written", "posted"), AFTER_A_WORDS_DOT)
def test_a_number_after_a_words_dot_is_masked(written, posted):
    assert mask_ids_in(written) == posted
    assert may_hold_id(written)


@pytest.mark.parametrize(("written", "posted"), PHONE_WITH_000)
def test_a_phone_with_a_000_group_among_dots_is_masked(written, posted):
    assert mask_ids_in(written) == posted


def test_a_word_typed_decomposed_is_a_word():
    """'ngày' typed decomposed (its grave apart, as a Mac writes it): a word, not a code."""
    written = unicodedata.normalize("NFD", "ngày") + ".226.329.218"
    assert mask_ids_in(written) == unicodedata.normalize("NFD", "ngày") + ".********9218"


@pytest.mark.parametrize(("written", "posted"), STILL_MASKED)
def test_still_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("written", KEPT)
def test_kept_as_before(written):
    assert mask_ids_in(written) == written


def test_the_posted_list_keeps_the_loan_and_masks_the_number_after_a_word(tmp_path):
    """May: NM1's head 'Hoàng Văn NM1 (vay 120.000.000)', NM2's 'Hoàng Văn NM2 ngày.226.329.218'.
    NiemYet posted the loan '********0000' and the CMND whole; now the loan as written and
    'ngày.********9218', the CMND nowhere in the workbook nor the JSON."""
    nm = na_mon_rows()
    nm[0]["chu_ho"] = "Hoàng Văn NM1 (vay 120.000.000)"
    nm[1]["chu_ho"] = "Hoàng Văn NM2 ngày.226.329.218"
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[:2] == [
        ("NM1", "Hoàng Văn NM1 (vay 120.000.000)"),
        ("NM2", "Hoàng Văn NM2 ngày.********9218"),
    ]
    assert "226.329.218" not in text


def shown_hidden(seed: int) -> list[str]:
    return [c.text for c in cells(seed, 1_000, ".", None)
            if c.secret & shown_places(c.text, mask_ids_in(c.text))]  # fmt: skip


def test_random_cells_after_a_words_dot():
    """Random cells joined by a bare '.' (seeds 5/6/7, as G's file): none left showing a hidden
    digit after 'ngày.' or 'VNĐ.' (there were 4 at G's merge: 'VNĐ.138.012.897', …)."""
    left = [t for seed in (5, 6, 7) for t in shown_hidden(seed)]
    assert [t for t in left if "ngày." in t or "VNĐ." in t or "và." in t] == []
