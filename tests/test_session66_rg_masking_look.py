"""Session 66 (RG): review of G's masking of counts, glued labels and label lists
(docs/decisions.md, 'Session 66: review of G's masking of counts … (RG)').

1. The quick look (`text.may_hold_id`) said 'none' for three notes `mask_ids_in` masks (G's
   Left (g)): 'Thu nhập.8475.000.6177 2 khẩu' is 'Thu nhập.********6177 2 khẩu',
   'NM.05269.852.844.7930.8947.407đ' is 'NM.05269.852.********8947.407đ', 'điện thoại của
   chồng.8466-8554-657 đồng' is 'điện thoại của chồng.********4657 đồng'. `rosterchecks.ids_posted`
   asks the look of the whole column first, so a column ['Hoàng Văn An', 'Thu
   nhập.8475.000.6177 2 khẩu'] was posted as written. Now the look's last step masks each value
   holding 9 digits joined by a number's writing and a word beside them: the look says 'none'
   only where the masking changes nothing (checked here over the test texts of sessions 62-66's
   masking files and a seeded set of generated notes; G's 102,989 sweep texts, their NFD and
   full-width forms: 0 of 308,967 texts masked with the look saying none).
2. A count kept after a number whose whole is a CCCD's 12 digits (G's `_count_after` and the
   net's `_left_span`): 'CCCD 0012345678 90 khẩu' was 'CCCD ********5678 90 khẩu', 6 digits of
   the CCCD 001234567890 shown (567890); now 'CCCD ********7890 khẩu', as before G. So
   'CCCD 00123456789 1 khẩu' ('********7891 khẩu'), '0012345678 90 khẩu' ('********7890
   khẩu') and by the net 'DĐ: 0012.345.678 90 khẩu' ('DĐ: ********7890 khẩu'). Kept where the
   number before the count is a phone called today: 'SĐT 0912345678 12 khẩu' stays 'SĐT
   ********5678 12 khẩu' (G's cell), 'SĐT 01234567890 1 khẩu' 'SĐT ********7890 1 khẩu'.
"""

from __future__ import annotations

import ast
import random
import unicodedata
from pathlib import Path

import pytest

from pipeline import rosterchecks
from pipeline.text import mask_ids_in, may_hold_id

MISSED = [
    ("Thu nhập.8475.000.6177 2 khẩu", "Thu nhập.********6177 2 khẩu"),
    ("NM.05269.852.844.7930.8947.407đ", "NM.05269.852.********8947.407đ"),
    ("điện thoại của chồng.8466-8554-657 đồng", "điện thoại của chồng.********4657 đồng"),
]


@pytest.mark.parametrize(("text", "shown"), MISSED)
def test_look_sees_what_the_masking_masks(text, shown):
    assert mask_ids_in(text) == shown
    assert may_hold_id(text)
    assert may_hold_id(unicodedata.normalize("NFD", text))


@pytest.mark.parametrize(("text", "shown"), MISSED)
def test_column_of_one_such_note_posted_masked(text, shown):
    column = ["Hoàng Văn An", text, "Lò Thị Bình"]
    assert rosterchecks.ids_posted(column) == ["Hoàng Văn An", shown, "Lò Thị Bình"]


def test_dotted_codes_alone_still_posted_as_they_are():
    """A commune's dotted codes (no person's number) are still given back as the column."""
    codes = ["167.06277.001", "167.06277.002", "NM.167.06277.003"]
    assert rosterchecks.ids_posted(codes) is codes


def _test_texts() -> list[str]:
    texts = []
    here = Path(__file__).parent
    files = sorted(here.glob("test_session6[2-6]_*mask*.py"))
    files += sorted(here.glob("test_session65_rc_*.py"))
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            value = getattr(node, "value", None)
            if isinstance(node, ast.Constant) and isinstance(value, str) and len(value) < 200:
                if any(c.isdigit() for c in value):
                    texts.append(value)
    return texts


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    heads = ["", "SĐT", "Thu nhập", "NM", "điện thoại của chồng", "CCCD", "Zalo", "Vay", "DĐ",
             "Tổ 3", "ĐT", "Số điện thoại của con trai là"]  # fmt: skip
    joints = ["", " ", ".", "-", ": ", ". ", " - "]
    marks = [" ", ".", "-", ",", " - ", ". "]
    tails = ["", "", " đồng", "đ", " khẩu", " 2 khẩu", " người", ", vợ 987.654.321"]
    texts = []
    for _ in range(count):
        groups = [
            rng.choice(["0", "", "84", ""])
            + "".join(rng.choices("0123456789", k=rng.randint(1, 4)))
        ]
        for _ in range(rng.randint(1, 5)):
            groups.append("".join(rng.choices("0123456789", k=rng.randint(1, 4))))
        run = groups[0] + "".join(rng.choice(marks) + g for g in groups[1:])
        texts.append(rng.choice(heads) + rng.choice(joints) + run + rng.choice(tails))
    return texts


def test_look_never_says_none_where_the_masking_masks():
    """The safe invariant: may_hold_id(x) is False only where mask_ids_in(x) == x, over the
    masking test files' texts, their NFD forms, and 4,000 generated notes (seed 66)."""
    texts = _test_texts()
    texts += [unicodedata.normalize("NFD", t) for t in texts]
    texts += _generated(4000, 66)
    missed = [t for t in texts if not may_hold_id(t) and mask_ids_in(t) != t]
    assert missed == []


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("CCCD 0012345678 90 khẩu", "CCCD ********7890 khẩu"),
        ("CCCD 00123456789 1 khẩu", "CCCD ********7891 khẩu"),
        ("0012345678 90 khẩu", "********7890 khẩu"),
        ("DĐ: 0012.345.678 90 khẩu", "DĐ: ********7890 khẩu"),
        (
            "Số điện thoại của chồng là 0012.345.678 90 khẩu",
            "Số điện thoại của chồng là ********7890 khẩu",
        ),
        # as G decided: the number before the count a phone called today
        ("SĐT 0912345678 12 khẩu", "SĐT ********5678 12 khẩu"),
        ("SĐT 01234567890 1 khẩu", "SĐT ********7890 1 khẩu"),
        ("DĐ: 0912.345.678 12 khẩu", "DĐ: ********5678 12 khẩu"),
    ],
)
def test_no_count_kept_out_of_a_cccd(text, shown):
    assert mask_ids_in(text) == shown


# (a strict xfail until session 67, E: a word of money among the words ends the label's reach)
def test_amount_six_words_after_a_label_kept():
    """G's six words reach an amount the three did not: 'Zalo nhóm thôn nộp quỹ tháng này
    425.350.500' (six words, a fund's 425,350,500 đồng) was kept before G and is now 'Zalo nhóm
    thôn nộp quỹ tháng này ********0500' (no '000' at its end, no currency after it)."""
    text = "Zalo nhóm thôn nộp quỹ tháng này 425.350.500"
    assert mask_ids_in(text) == text
