"""Session 62, E: the posted list's (NiemYet) masking edges session 61's review (R2) found. The
never-leak rule first: of a phone's, a CCCD's or an old CMND's digits the list shows the last 4
alone; an amount or a code the head needs is kept as written.

1. An old CMND 3.3.3 with a '000' group after an amount's middle group ('1.500.212.000.319':
   the CMND 212.000.319 after '1.500'): posted whole, the '000' read as closing an amount
   '500.212.000'. Masked now where no person's number may begin right after that '000' (the
   amount reading then holds none): '1.500.********0319'.
2. Two capitals that are a word before a dot ('SO.212.345.678': số; 'HO.': hộ, họ; 'TO.': tổ)
   were read as a code's letters, the CMND after them posted whole. Masked now; two capitals
   of a code ('NM.', 'AN.', 'NA.', 'BA.') keep it as before.
3. A word glued to a one-digit number ('Vay1.212.345.678') was read as a code's digit glued to
   its letters, the CMND posted whole. Masked now; a code's ('NM1.', 'XOM3.', 'A1.') kept.
4. A code's number before a bare dot ('NM 01.212.345.678') was masked with the CMND
   ('NM ********5678'): the '01' is kept now, as before a space ('NM 01 ********5678').
5. A run of 4 groups of 10 billion or more grouped as an amount, its currency after it
   ('12.345.678.900 đồng'), is masked in parts as without it ('12.********8900 đồng', session
   61, E): no household's figure (kept as before, here pinned).

Each value worked out by hand: the CMND's or the phone's last 4 digits after 8 stars, what is
around it as written. Every cell of MASKED failed before this session's change."""

from __future__ import annotations

import pytest

from pipeline.text import mask_ids_in, may_hold_id
from tests.id_cells import na_mon_posted
from tests.test_session38_oracle import na_mon_rows

# posted whole (or with more than the last 4 of a number, or a code's number masked) before
MASKED = [
    # 1. '1.500' and the CMND 212.000.319 (its middle group '000'); nothing may begin after
    # the '000' but the CMND's own '319'
    ("1.500.212.000.319", "1.500.********0319"),
    ("Vay 1.500.212.000.319", "Vay 1.500.********0319"),
    ("1.500.212.000.319.0912.345.678", "1.500.********0319.********5678"),
    ("1.500.212.000.319 đồng", "1.500.********0319 đồng"),
    # '2' and the CMND 100.000.250, as by spaces ('2 100 000 250' is '********0250')
    ("2.100.000.250", "2.********0250"),
    ("20.100.000.250", "20.********0250"),
    ("Vay 20.100.000.319", "Vay 20.********0319"),
    # 2. two capitals that are a word: số, hộ, tổ
    ("SO.212.345.678", "SO.********5678"),
    ("HO.212.345.678", "HO.********5678"),
    ("TO.212.345.678", "TO.********5678"),
    # 3. a word glued to a one-digit number, no code's digit
    ("Vay1.212.345.678", "Vay1.********5678"),
    ("vay1.212.345.678", "vay1.********5678"),
    # 4. a code's or a unit's number kept before a bare dot, the CMND masked
    ("NM 01.212.345.678", "NM 01.********5678"),
    ("Tổ 01.212.345.678", "Tổ 01.********5678"),
]
# Kept, before and after: codes' letters (2 capitals of a code, or with a digit), amounts, a
# word glued to a digit before the currency, a code's number before an amount
KEPT = [
    "NM.212.345.678",
    "AN.212.345.678",
    "NA.212.345.678",
    "BA.212.345.678",
    "NM1.212.345.678",
    "XOM3.212.345.678",
    "A1.212.345.678",
    "X3.212.345.678",
    "Vay1.212.345.678 đồng",
    "SO.120.000.000",
    "12.500.000.000 đồng",
    "1.500.000.000.319",
    "5.012.000.100.000",
    "3.012.000.150.000",
    "Vay 1.500.000.212.000.000",
    "Tổ 1.500.000.000",
]
# Masked as before: of 10 billion or more, its currency after it or not (no household's figure:
# E's reading in parts kept); no amount by its currency after an ID's label, from 0, before 'đồng bào'
# or a hamlet 'Đồng Kè', nor without its currency; the CMND after an amount's '000' (no part
# '100.000.217'); a CCCD from 0 whose first group is its province's; a phone after a code's
# number
AS_BEFORE = [
    ("12.345.678.900 đồng", "12.********8900 đồng"),
    ("339.656.097.221 đồng", "********6097.221 đồng"),
    ("Tổ 12.345.678.900 đồng", "Tổ 12.********8900 đồng"),
    # the label's number whole, as by spaces, dashes and commas (session 65, C)
    ("CMND 12.345.678.900 đồng", "CMND ********8900 đồng"),
    ("012.345.678.900 đồng", "********8900 đồng"),
    ("12.345.678.900 đồng bào", "12.********8900 đồng bào"),
    ("12.345.678.900 Đồng Kè", "12.********8900 Đồng Kè"),
    ("12.345.678.900", "12.********8900"),
    ("100.212.345.678", "********5678"),
    ("11.100.000.217.612.319", "11.100.000.********2319"),
    ("11.100.000.212.000.319", "11.100.000.********0319"),
    # the number after the amount's '000' read as the first pass reads it: no amount by the
    # run's currency
    ("11.100.000.217.612.319 đồng", "11.100.000.********2319 đồng"),
    ("NM 001.094.012.345", "NM ********2345"),
    ("NM 01.0912.345.678", "NM 01.********5678"),
    ("NM 2.010.000.000 đồng", "NM 2.010.000.000 đồng"),
    # a group that begins an old CMND before more groups is no code's number, as by spaces
    ("NM 070.035.762.336.906", "NM ********6906"),
    ("Xóm 3.259.318.388", "Xóm 3.********8388"),
    ("Hộ 3.212.345.678", "Hộ 3.********5678"),
]


@pytest.mark.parametrize(("written", "posted"), MASKED)
def test_a_persons_number_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("written", [written for written, _ in MASKED])
def test_the_quick_look_flags_it(written):
    assert may_hold_id(written)


@pytest.mark.parametrize(
    "written",
    [
        "1.500.212.000.319",
        "2.100.000.250",
        "SO.212.345.678",
        "Vay1.212.345.678",
        "NM 01.212.345.678",
    ],
)
def test_by_spaces_the_same_number_is_masked(written):
    """The twin by spaces masked the same number already: its last 4 shown, the CMND's first
    3 nowhere ('1 500 ********0319', '********0250', 'SO ********5678', 'Vay1 ********5678',
    'NM 01 ********5678')."""
    spaced = mask_ids_in(written.replace(".", " "))
    posted = dict(MASKED)[written]
    last = posted[posted.rindex("*") + 1 :][:4]
    assert "*" * 8 + last in spaced
    first = written.replace(" ", ".").split(".")[-3]
    assert not any(part.startswith(first) for part in spaced.split(" ")[-3:])


@pytest.mark.parametrize("written", KEPT)
def test_kept_as_written(written):
    assert mask_ids_in(written) == written


@pytest.mark.parametrize(("written", "posted"), AS_BEFORE)
def test_masked_as_before(written, posted):
    assert mask_ids_in(written) == posted


def test_the_posted_list_masks_the_cmnd_after_a_word_and_after_an_amounts_group(tmp_path):
    """May: NM1's head 'Hoàng Văn NM1 SO.212.345.678', NM2's 'Hoàng Văn NM2
    1.500.212.000.319'. NiemYet posted both whole; now 'SO.********5678' and
    '1.500.********0319', neither number anywhere in the workbook nor the JSON."""
    nm = na_mon_rows()
    nm[0]["chu_ho"] = "Hoàng Văn NM1 SO.212.345.678"
    nm[1]["chu_ho"] = "Hoàng Văn NM2 1.500.212.000.319"
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[:2] == [
        ("NM1", "Hoàng Văn NM1 SO.********5678"),
        ("NM2", "Hoàng Văn NM2 1.500.********0319"),
    ]
    assert "212.345.678" not in text
    assert "212.000.319" not in text
