"""ID and telephone numbers masked in every grouping a head writes (session 53, helper A).

Session 52 masked on the public list (NiemYet) a number grouped by one kind of separator; left:
an old CMND of 9 digits grouped by dots ('212.345.678') read as an amount and was posted
whole; a phone with mixed or spaced separators ('0912.345 678', '0912 - 345 - 678',
'0912-345.678') was masked only where one group held 9 digits. Now a number's groups may be
separated by a space, or a dot or a dash perhaps with a space either side, mixed
(``text.NUMBER_SEPARATORS``, the one definition the masking and its first look share), and an
old CMND grouped 3.3.3 from 0-3 is masked. An amount stays as written where it reads as one:
with its currency after it ('200.000.000 đồng') or 10 digits and more grouped by spaces from
1-9 ('1 500 000 000', which session 51 masked); no income column is masked anywhere.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor. Each head is 'Hoàng Văn <code>'."""

from __future__ import annotations

import random
import string
import unicodedata

import pytest

from pipeline.text import NUMBER_SEPARATORS, mask_ids_in, may_hold_id
from tests.commune import person
from tests.id_cells import na_mon_posted
from tests.test_session38_oracle import na_mon_rows

# (as written, as posted), by hand: the number's digits, its last 4 after 8 stars, the words
# and separators around it kept. Each posted whole before (or, two numbers, the second whole;
# a number and a digit after a sentence's full stop, read as one number of no person's).
MASKED = [
    # an old CMND (9 digits, its province's code 01-38 first) grouped by marks
    ("212.345.678", "********5678"),
    ("CMND 212-345-678", "CMND ********5678"),
    ("CMND: 312.456.789; SĐT 0912 345 678", "CMND: ********6789; SĐT ********5678"),
    ("212.345 678", "********5678"),
    ("Số 5 212.345.678", "Số 5 ********5678"),
    # a telephone number with mixed or spaced separators
    ("0912.345 678", "********5678"),
    ("0912 - 345 - 678", "********5678"),
    ("0912-345.678", "********5678"),
    ("SĐT 0912. 345. 678", "SĐT ********5678"),
    ("(+84) 912 - 345 - 678", "********5678"),
    # a CCCD with spaced dashes, or dots and spaces
    ("CCCD 001 - 204 - 012 - 345", "CCCD ********2345"),
    ("CCCD 001.204 012.345", "CCCD ********2345"),
    # two numbers, or a number and what follows it
    ("0912.345.678 - 0987.654.321", "********5678 - ********4321"),
    ("0912.345.678-0987.654.321", "********5678-********4321"),
    ("0912.345 678 0987.654 321", "********5678 ********4321"),
    ("SĐT 0912 345.678. 5 khẩu", "SĐT ********5678. 5 khẩu"),
    ("Sinh 1970 0912 345.678", "Sinh 1970 ********5678"),
    # a phone among more groups by single spaces (14 and 20 digits were read as one number)
    ("Sinh 1970 0912 345 678", "Sinh 1970 ********5678"),
    ("0912 345 678 0987 654 321", "********5678 ********4321"),
]
# Masked before and still: a CCCD grouped by spaces or dots, a phone and a number after it, a
# phone's digits after 84 though grouped as an amount, a CMND grouped by spaces
STILL_MASKED = [
    ("001 204 012 345", "********2345"),
    ("001.204.012.345", "********2345"),
    ("SĐT 0912.345.678. 5 khẩu", "SĐT ********5678. 5 khẩu"),
    ("84 912 345 678", "********5678"),
    ("212 345 678", "********5678"),
    ("8491.234.5678", "********5678"),
]
# An amount as an officer or a head writes it, a date, a date range, a code: kept as written
KEPT = ["1.500.000", "2.000.000 đồng", "1 500 000 000", "thu nhập 1 500 000 000 đồng/năm",
        "12 000 000 000", "200.000.000 đồng", "vay 212.345.678đ", "212 345 678 VNĐ",
        "500.000.000", "1.212.345.678 đồng", "01.01.2024-31.12.2024", "2020 - 2024", "12. 03. 2024",
        "NM.212.345.678", "167.06277.001", "1500000000đ",
        "2019 2020 2021 2022",
        unicodedata.normalize("NFD", "vay 212.345.678 đồng/năm")]  # fmt: skip


@pytest.mark.parametrize(("written", "posted"), MASKED + STILL_MASKED)
def test_an_id_or_phone_number_in_every_grouping_is_masked(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize("written", KEPT)
def test_an_amount_a_date_or_a_code_is_kept_as_written(written):
    """'1 500 000 000', its note and '1500000000đ' were masked ('********0000'); '200.000.000
    đồng', '500.000.000' and '1.212.345.678 đồng' are amounts the CMND rule must not take (a
    currency after, also typed decomposed, a first digit 5, 10 digits); years by spaces, 16 digits, hold
    no phone."""
    assert mask_ids_in(written) == written


def test_the_first_look_sees_each_masked_form():
    """The public list masks a column only where its texts joined may hold a number
    (``text.may_hold_id``): each form, alone and among a commune's codes, dates and amounts.
    Before, '212.345.678', '0912 - 345 - 678', '0912 345.678. 5 khẩu' and '8491.234.5678' were
    passed (a column holding one alone was posted whole)."""
    assert [w for w, _ in MASKED + STILL_MASKED if not may_hold_id(w)] == []
    for written, _ in MASKED + STILL_MASKED:
        assert may_hold_id("\x00".join(["TL-01-001", written, "167.06277.001"])), written
    for kept in ("167.06277.001", "TL-01-001", "12.03.2024", "1.500.000", "2020 - 2024"):
        assert not may_hold_id(kept), kept
    # after a dash masked since session 57, C2; after a label and a dot ('ĐT.0912.345.678')
    # since session 57's review; a phone called today after a code's dot since session 59, C
    assert may_hold_id("NM.0912.345.678")


def test_every_separator_is_read_alike_by_the_masking_and_its_first_look():
    """One definition (``text.NUMBER_SEPARATORS``) makes the pattern that masks and every stage
    of the first look: of every ASCII punctuation mark and the space, a phone '0912?345?678' and
    a CMND '212?345?678' are masked exactly with a separator, alone or with a space either
    side, and each so masked is seen first."""
    masked = set()
    for mark in string.punctuation + " ":
        for form in {mark, f" {mark} ", f"{mark} "}:
            for number in (f"0912{form}345{form}678", f"212{form}345{form}678"):
                if mask_ids_in(number) != number:
                    assert mask_ids_in(number) == "********5678", number
                    assert may_hold_id(number), number
                    masked.add(mark)
    # and, bare, '/' and ',' ('0912/345/678', '212,345,678': a run of their own read in parts,
    # text._slashed_parts; session 58, C)
    assert set(NUMBER_SEPARATORS) == {" ", ".", "-"}
    assert masked == set(NUMBER_SEPARATORS) | {"/", ","}


def test_each_number_masked_in_mixed_groupings_is_seen_first():
    """Seeded random texts of digit groups with a separator drawn for each gap (mixed, spaced,
    or a comma or a slash), after '+84', '(+84)', '(024)', '+', a word or a dash and before
    words: each one :func:`mask_ids_in` changes is seen by :func:`may_hold_id`."""
    rng = random.Random(53)
    separators = [" ", ".", "-", " - ", ". ", " .", " . ", ",", "/"]

    def grouped() -> str:
        count = rng.randint(1, 5)
        return "".join(
            "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 5)))
            + (rng.choice(separators) if k < count - 1 else "")
            for k in range(count)
        )

    heads = ["", "+84 ", "(+84) ", "+84-", "84.", "(024) ", "+", "CCCD ", "SĐT:", "TL-", "–", "5 "]
    tails = ["", ")", " 1970", "đ", " đồng", ". 5 khẩu", " - ", "ạ"]
    texts = [rng.choice(heads) + grouped() + rng.choice(tails) for _ in range(4000)]
    masked = [text for text in texts if mask_ids_in(text) != text]
    assert len(masked) > 400  # the draw holds numbers of each form
    assert [text for text in masked if not may_hold_id(text)] == []


def test_the_public_list_masks_a_cmnd_and_a_mixed_phone_and_keeps_an_amount(tmp_path):
    """May: Nà Mòn writes NM2's head 'Hoàng Văn NM2 (CMND 212.345.678)', NM3's ethnicity
    'Tày 0912 - 345 - 678', NM1's head 'Hoàng Văn NM1 (vay 1 500 000 000 đồng)', and a new
    poor household under the Mã hộ '0987.654 321' (its head's phone). NiemYet posted the CMND,
    the phone and the code whole, and the amount as '********0000'. Now, by hand: 'Hoàng Văn
    NM2 (CMND ********5678)', 'Tày ********5678', the code '********4321', the amount as
    written; neither number anywhere in the workbook nor in the JSON."""
    nm = na_mon_rows(person("0987.654 321", "poor", chu_ho="Hoàng Văn Sáu"))
    nm[0]["chu_ho"] = "Hoàng Văn NM1 (vay 1 500 000 000 đồng)"
    nm[1]["chu_ho"] = "Hoàng Văn NM2 (CMND 212.345.678)"
    nm[2]["dan_toc"] = "Tày 0912 - 345 - 678"
    rows, text = na_mon_posted(tmp_path, nm)
    assert rows == [
        ("NM1", "Hoàng Văn NM1 (vay 1 500 000 000 đồng)", "Tày"),
        ("NM2", "Hoàng Văn NM2 (CMND ********5678)", "Tày"),
        ("NM3", "Hoàng Văn NM3", "Tày ********5678"),
        ("********4321", "Hoàng Văn Sáu", "Tày"),
        ("NM4", "Hoàng Văn NM4", "Tày"),
        ("NM5", "Hoàng Văn NM5", "Tày"),
    ]  # fmt: skip
    for secret in ("212.345.678", "0912 - 345 - 678", "0987.654 321"):
        assert secret not in text
