"""A telephone number grouped by middle dots, written as the Mã hộ, is no legacy TCVN3 text
(session 60, helper Q: the `--apart` band's seed 2237).

The middle dot '·' (U+00B7) is the byte TCVN3 ('.VnTime') writes 'ã' with. A sheet whose
Latin-1-only cells were '0513·088·426' and '0984·667·564' beside 'Ghi chú', 'Nguyên nhân
nghèo', 'Tày' and 'Thoát' read as TCVN3 text as a whole (pipeline.opening's guess: each 'ã'
between digits a Vietnamese syllable), so the numbers were decoded to '0513ã088ã426': no
telephone number was told to the head, and the public list posted the digits whole. A cell
without a letter holds no legacy word: it is neither judged nor decoded where the file records
no font, and a middle dot between two digits is a number's grouping, kept as written in a
cell decoded ('DT 0356·789·012' beside TCVN3 text).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor, each head
'Hoàng Văn <code>' (Unicode: 'ă' is no Latin-1 letter). The list's Latin-1-only cells are its
header's 'Ghi chú', 'Nguyên nhân nghèo', the ethnicity 'Tày' and the three numbers: by hand,
decoded as TCVN3 the sheet reads 9 syllables and 2 other words against 5 as written (three
numbers' six 'ã' beside 'Ghi chú' …), which the guess takes; two numbers were not enough."""

from __future__ import annotations

from pipeline import legacy
from tests.commune import person
from tests.id_cells import check_na_mon, na_mon_posted
from tests.test_session38_oracle import na_mon_rows

PHONES = ["0912·345·678", "0987·654·321", "0358·246·135"]


def _rows(letters: str = "") -> list[dict]:
    """Nà Mòn's start list and three new households N6-N8, each head's telephone number
    grouped by middle dots written as its Mã hộ after ``letters`` (rows 10-12)."""
    new = [dict(person(f"N{n}", "poor"), ma_ho=letters + p) for n, p in enumerate(PHONES, 6)]
    return na_mon_rows(*new)


def test_a_number_by_middle_dots_is_no_tcvn3_evidence():
    """The shape itself, by hand: decoded as TCVN3 each '·' is an 'ã', but since session 60
    F2 (legacy._score: a run of letters and digits is no syllable) the number alone is no
    evidence of TCVN3 text (the guess said TCVN3 before it)."""
    assert legacy.decode(PHONES[0], legacy.TCVN3) == "0912ã345ã678"
    assert legacy.guess_encoding(PHONES[0]) is None


def test_each_number_grouped_by_middle_dots_is_told_at_its_cell(tmp_path):
    """Before: nothing told (the cells read '0912ã345ã678', no telephone number)."""
    found = check_na_mon(tmp_path, _rows())
    assert [(i.cell, i.value, i.variant) for i in found] == [
        ("B10", "0912·345·678", "phone"),
        ("B11", "0987·654·321", "phone"),
        ("B12", "0358·246·135", "phone"),
    ]


def test_the_public_list_masks_each_number_and_nothing_is_decoded(tmp_path):
    """The May run: NiemYet shows 8 stars and each number's last 4 digits (before, the digits
    whole with 'ã' between); no 'legacy-text-decoded' is said of Nà Mòn's list."""
    posted, text = na_mon_posted(tmp_path, _rows(), ethnicity=False)
    codes = [code for code, *_ in posted]
    assert codes == ["NM1", "NM2", "NM3", "********5678", "********4321", "********6135",
                     "NM4", "NM5"]  # fmt: skip
    assert "ã345" not in text and "legacy-text-decoded" not in text


def test_a_number_after_letters_keeps_its_middle_dots(tmp_path):
    """'DT 0912·345·678' …: cells with letters, judged as legacy text still, keep a number's
    dots, so each is told and masked as the numbers alone are. A cell without a letter left
    alone was not enough: these three read 'DT 0912ã345ã678' …, told nowhere, posted whole."""
    found = check_na_mon(tmp_path / "check", _rows("DT "))
    assert [(i.cell, i.value, i.variant) for i in found] == [
        ("B10", "DT 0912·345·678", "phone"),
        ("B11", "DT 0987·654·321", "phone"),
        ("B12", "DT 0358·246·135", "phone"),
    ]
    (tmp_path / "run").mkdir()
    posted, text = na_mon_posted(tmp_path / "run", _rows("DT "), ethnicity=False)
    assert [code for code, *_ in posted][3:6] == ["DT ********5678", "DT ********4321",
                                                 "DT ********6135"]  # fmt: skip
    assert "ã345" not in text
