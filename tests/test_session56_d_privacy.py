"""Session 56 (D): the privacy leftovers of session 55's review (R7) on the posted list and the
head's words.

1. A code or a hamlet's word apart from its small number by a space, then a phone or an ID:
   'NM 01 0912345678' was posted 'NM ********5678' (the '01' read into one spaced number of 12
   digits), 'Xóm 3 0912345678' 'Xóm ********5678'; now the small number is kept
   (`text._code_word_apart`), not where what follows is written as an amount is.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; a list's sixth
household at row 10."""

from __future__ import annotations

from unicodedata import normalize

import pytest

from pipeline.text import mask_ids_in
from tests.commune import person
from tests.id_cells import na_mon_posted, phone_said
from tests.test_session38_oracle import na_mon_rows
from tests.test_session55_d_privacy import errors_at, feedback_of, na_mon_poor_rows

# --- 1. a code's or a hamlet's small number apart by a space -----------------------------------

# (as written, as posted), by hand: the small number kept, the phone or ID 8 stars and its last
# 4 digits. Before: the small number masked with it ('NM ********5678', 'Tổ ********5678')
APART = [
    ("NM 01 0912345678", "NM 01 ********5678"),
    ("Xóm 3 0912345678", "Xóm 3 ********5678"),
    ("Tổ 12 0912 345 678", "Tổ 12 ********5678"),
    ("Lò Văn A, thôn 2 0987654321", "Lò Văn A, thôn 2 ********4321"),
    ("NM 01 212345678", "NM 01 ********5678"),
]
# As before, by hand: an amount (what follows the small number written as one, or after
# another word), an ID's label before the number (the group is the ID's), no word before; a
# number whose separators differ read in parts (session 53) as before
KEPT = [
    ("Vay 1 500 000 000 đồng", "Vay 1 500 000 000 đồng"),
    ("Vay 1 500 000 000", "Vay 1 500 000 000"),
    ("VAY 1 500 000 000", "VAY 1 500 000 000"),
    ("Xóm 3 500 000 000", "Xóm 3 500 000 000"),
    ("Thu nhập 1.500.000", "Thu nhập 1.500.000"),
    ("CCCD 001 204012345", "CCCD ********2345"),
    ("1 0912345678", "********5678"),
    ("NM 01 0912.345.678", "NM 01 ********5678"),
    ("TL 001 001204012345", "TL 001 ********2345"),
]


@pytest.mark.parametrize(("written", "posted"), APART)
def test_a_codes_small_number_apart_by_a_space_is_kept(written, posted):
    assert mask_ids_in(written) == posted


@pytest.mark.parametrize(("written", "posted"), KEPT)
def test_an_amount_or_a_labelled_id_is_read_as_before(written, posted):
    assert mask_ids_in(written) == posted


def test_a_hamlets_word_typed_decomposed_is_read_composed():
    """'Xóm 3 0912345678' typed decomposed (NFD, its 'ó' two characters): by hand 'Xóm 3
    ********5678', decomposed as written."""
    written = normalize("NFD", "Xóm 3 0912345678")
    assert mask_ids_in(written) == normalize("NFD", "Xóm 3 ********5678")


def test_a_run_posts_a_codes_small_number_beside_the_masked_phone(tmp_path):
    """May: Nà Mòn lists NM1 headed 'Lò Văn A Tổ 12 0912 345 678', NM2-NM5, and a new poor
    household 'Lò Văn Tám' under 'NM 06 0987654321' (row 10). Before: posted 'Lò Văn A Tổ
    ********5678' and 'NM ********4321'. Now, by hand: 'Lò Văn A Tổ 12 ********5678', 'NM 06
    ********4321'; neither phone in NiemYet's XML nor the JSON; the head told at B10 that the
    Mã hộ is a telephone number (as before), nothing of NM1's name; Nà Mòn 4 poor, 2
    near-poor."""
    code = "NM 06 0987654321"
    nm = na_mon_rows(person(code, "poor", chu_ho="Lò Văn Tám"))
    nm[0] = {**nm[0], "chu_ho": "Lò Văn A Tổ 12 0912 345 678"}
    rows, text = na_mon_posted(tmp_path, nm, ethnicity=False)
    assert rows[0] == ("NM1", "Lò Văn A Tổ 12 ********5678")
    assert ("NM 06 ********4321", "Lò Văn Tám") in rows
    for secret in ("0912 345 678", "0987654321"):
        assert secret not in text, secret
    assert errors_at(tmp_path, "DS_0_2024-05.xlsx") == [("B10", phone_said(code))]
    assert feedback_of(tmp_path) == [("B10", "Cảnh báo", phone_said(code))]
    assert na_mon_poor_rows(tmp_path) == (4, 2)
