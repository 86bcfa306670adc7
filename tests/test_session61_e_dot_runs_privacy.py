"""Session 61, E: the posted list's (NiemYet) person's numbers among a run of bare dots that
sessions 60 G and G2 left posted whole (their Found and Left). The never-leak rule first: of a
phone's, a CCCD's or an old CMND's digits the list shows the last 4 alone.

1. A CCCD or an old CMND by threes holding one '000' group among dots
   ('429.097.000.155.655.225' showed '097.000.15'; '11.100.000.212.000.319' was posted whole):
   masked, amounts ('2.009.000.000', '12.000.000') kept.
2. Capitals before a dot that are a word ('VAY.192.993.926') or one letter, a name's initial
   ('Nguyễn Thị B.227.175.969'), read as a code's letters: the number after them posted whole.
   A code's letters ('NM.212.345.678', 'TDP.…', 'TL.01.001') keep it as before.
3. A run grouped as an amount of 4 groups, 10 billion or more, not ending '000'
   ('339.656.097.221': a small number and a CMND) and a CMND after an amount by a bare dot
   before the currency ('12.000.000.212.345.678 đồng'): masked.

Each value is worked out by hand: the number's last 4 digits after 8 stars, what is around it
as written. Every cell of MASKED failed before (posted whole, or '097.000.15' shown)."""

from __future__ import annotations

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.id_cells import na_mon_posted
from tests.random_cells import cells, shown_places
from tests.test_session38_oracle import na_mon_rows

# 1. one '000' group in a person's number by threes among dots
ID_WITH_000 = [
    # a small '429', a CCCD 097.000.155.655 (from 0, its 4th digit 0), a small '225':
    # '000.155.655.225' (12 digits from 0) reaches past the CCCD's end, masked with it
    ("429.097.000.155.655.225", "429.********5225"),
    # an amount 11.100.000 and an old CMND 212.000.319 (its middle group '000')
    ("11.100.000.212.000.319", "11.100.000.********0319"),
    ("Vay 5.000.000.212.000.319", "Vay 5.000.000.********0319"),
    # a date by dots and the CMND
    ("12.03.2024.212.000.319", "12.03.2024.********0319"),
    # an amount and the CCCD, the CCCD and an amount
    ("12.000.000.097.000.155.655", "12.000.000.********5655"),
    ("097.000.155.655.12.000.000", "********5655.12.000.000"),
]
# 2. after capitals that are a word (a syllable: 'VAY', 'NGAY', 'XOM', 'THON') or one letter
AFTER_A_WORD_IN_CAPITALS = [
    ("VAY.192.993.926", "VAY.********3926"),
    ("NGAY.212.345.678", "NGAY.********5678"),
    ("XOM.212.345.678", "XOM.********5678"),
    ("THON.212.345.678", "THON.********5678"),
    ("Nguyễn Thị B.227.175.969", "Nguyễn Thị B.********5969"),
    ("Lò Văn A.030.289.994", "Lò Văn A.********9994"),
    ("B.212.345.678", "B.********5678"),
]
# 3. a 4-group run of 10 billion or more not ending '000'; a CMND glued after an amount
AMOUNT_SHAPED = [
    # '339.656.097' an old CMND from 3 (its first of the run's parts), '221' a small number
    ("339.656.097.221", "********6097.221"),
    ("339.656.097.221 đồng", "********6097.221 đồng"),
    # a small '686' and a CMND 297.461.626
    ("686.297.461.626", "686.********1626"),
    # '12' and a CMND 158.120.978 before a code
    ("12.158.120.978.NM 01.694", "12.********0978.NM 01.694"),
    # the currency after the run is no CMND's glued after the amount by a bare dot
    ("12.000.000.212.345.678 đồng", "12.000.000.********5678 đồng"),
    ("Vay 12.000.000.212.345.678 đồng", "Vay 12.000.000.********5678 đồng"),
]
MASKED = ID_WITH_000 + AFTER_A_WORD_IN_CAPITALS + AMOUNT_SHAPED

# Kept, before and after: amounts whose '000' groups no CCCD's or CMND's are (two of them, or
# its last group, or one begun by an amount's first group right before the part), a code's
# letters (2 letters, or 3-4 that are no syllable, or with digits), session 53's pin
KEPT = [
    "2.009.000.000",
    "12.000.000",
    "Vay 2.009.000.000 đồng",
    "5.012.000.100.000",
    "3.012.000.150.000",
    "1.009.000.000.000",
    "12.000.000.212.500.000 đồng",
    "Vay 1.500.000.212.000.000",
    "NM.212.345.678",
    "ĐK.212.345.678",
    "AN.212.345.678",
    "NM1.212.345.678",
    "XOM3.212.345.678",
    "TDP.212.345.678",
    "HTX.212.345.678",
    "UBND.212.345.678",
    "TL.01.001",
    # '1.212.345.678' without its currency masked since session 61, R2
    "1.212.345.678 đồng",
    "120.500.000.000",
    # '339.656.097.000' (the CMND 339.656.097 and '000') masked since session 63, C
    "12.345.678.000",
    "12.500.000.000 đồng",
    "vay 212.345.678đ",
]
# Masked as before: G's CMND after an amount (no part '100.000.217' holding the amount's '000'),
# an amount's CMND after it, G2's phone with a '000'
AS_BEFORE = [
    ("11.100.000.217.612.319", "11.100.000.********2319"),
    ("2.009.000.000.155.655.225", "2.009.000.000.********5225"),
    ("12.0912.000.678", "12.********0678"),
    ("0912.345.678.212.000.319", "********5678.********0319"),
]


@pytest.mark.parametrize(("written", "posted"), MASKED)
def test_a_persons_number_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("written", [written for written, _ in MASKED])
def test_the_quick_look_flags_it(written):
    assert may_hold_id(written)


@pytest.mark.parametrize("written", KEPT)
def test_kept_as_written(written):
    assert mask_ids_in(written) == written


@pytest.mark.parametrize(("written", "posted"), AS_BEFORE)
def test_masked_as_before(written, posted):
    assert mask_ids_in(written) == posted


def test_the_posted_list_masks_the_cmnd_after_a_word_and_with_its_000(tmp_path):
    """May: NM1's head 'Hoàng Văn NM1 VAY.192.993.926', NM2's 'Hoàng Văn NM2
    11.100.000.212.000.319'. NiemYet posted both whole; now 'VAY.********3926' and
    '11.100.000.********0319', neither number anywhere in the workbook nor the JSON."""
    nm = na_mon_rows()
    nm[0]["chu_ho"] = "Hoàng Văn NM1 VAY.192.993.926"
    nm[1]["chu_ho"] = "Hoàng Văn NM2 11.100.000.212.000.319"
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[:2] == [
        ("NM1", "Hoàng Văn NM1 VAY.********3926"),
        ("NM2", "Hoàng Văn NM2 11.100.000.********0319"),
    ]
    assert "192.993.926" not in text
    assert "212.000.319" not in text


def test_random_cells_left_of_g2s_found():
    """Random cells joined by a bare '.' (seeds 5/6/7, 1,000 each): none left showing a hidden
    digit after capitals, nor grouped as an amount of 10 billion or more (G2 left
    'VAY.192.993.926', 'Nguyễn Thị B.227.175.969', '686.297.461.626', '339.656.097.221',
    '248.222.221.821' …)."""
    left = [c.text for seed in (5, 6, 7) for c in cells(seed, 1_000, ".", None)
            if c.secret & shown_places(c.text, mask_ids_in(c.text))]  # fmt: skip
    assert [t for t in left if "VAY." in t or " B." in t or " A." in t] == []
    assert [t for t in left if t.count(".") == 3 and len(t) in (14, 15)] == []
