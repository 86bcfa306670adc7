"""Session 57 (G2): a long title on the feedback copy breaks where its punctuation does.

Session 26's messy copy prints the head's long title on three lines clear of the repeated
columns. They were made as even as three lines allow, wherever a space fell: 'HUYỆN ĐỊNH' /
'HÓA, TỈNH THÁI NGUYÊN', a district's name cut in two. The lines now break after a comma (or
a semicolon, colon, full stop, bracket, at a dash standing alone) wherever that number of
lines allows, and only then as evenly as they can (`feedback._lines_within`).
"""

from __future__ import annotations

from pipeline.report.feedback import _lines_within, _outside_text
from pipeline.report.styles import text_pixels, text_units
from tests.test_session26_feedback_print import LONG, TITLE, WIDTHS

# Bold Times New Roman 11: a text of u thousandths of an em is u × 11 / 1000 × 96 / 72 × 1.05
# + 3 = 0.0154 u + 3 pixels. WIDTHS (session 26's test): A..M 996 pixels, 993 inside the
# padding, A..C (40 + 75 + 131 = 246) repeated on the second page: centred lines keep clear of
# them when at most 993 - 2 × 246 = 501 pixels wide.
LINES = [
    "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024",
    "THÔN NÀ MÒN, XÃ TRUNG LƯƠNG, HUYỆN ĐỊNH HÓA,",
    "TỈNH THÁI NGUYÊN – CẬP NHẬT THÁNG 5/2024",
]


def bold(text: str) -> float:
    return round(text_pixels(text, 11.0, bold=True), 2)


def test_a_long_title_breaks_at_its_commas_not_inside_a_place():
    # The title is 75678 units, 1168.44 pixels: more than two lines of 501, three at least.
    assert text_units(LONG, bold=True) == 75678 and bold(LONG) == 1168.44
    centred, text, wrapped = _outside_text(LONG, (0, 12), WIDTHS, 3, [13], 11.0, True)
    assert (centred, wrapped) == (True, True)
    # Before: 'DANH … NĂM 2024' / 'THÔN … HUYỆN ĐỊNH' / 'HÓA, TỈNH … 5/2024', the most even
    # three lines (widest 401.51), the district's name broken.
    assert text.split("\n") == LINES
    assert text.replace("\n", " ") == LONG  # the head's words, broken at spaces only
    # 25097, 26983 and 23098 units: 389.49, 418.54 and 358.71 pixels, each within 501.
    assert [text_units(line, bold=True) for line in LINES] == [25097, 26983, 23098]
    assert [bold(line) for line in LINES] == [389.49, 418.54, 358.71]
    # Three lines all broken at commas do not fit: the first must end at 'NGHÈO,' (to 'MÒN,'
    # it is 510.18 pixels), and the rest broken at a comma or the dash leaves a line of more
    # than 501: after 'MÒN,' 'XÃ … 5/2024' 657.41, after 'LƯƠNG,' 'HUYỆN … 5/2024' 505.12,
    # after 'HÓA,' 'HỘ CẬN … HÓA,' 620.11 (later still, wider).
    assert bold("DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024 THÔN NÀ MÒN,") == 510.18
    assert bold("XÃ TRUNG LƯƠNG, HUYỆN ĐỊNH HÓA, TỈNH THÁI NGUYÊN – CẬP NHẬT THÁNG 5/2024") == (
        657.41
    )
    assert bold("HUYỆN ĐỊNH HÓA, TỈNH THÁI NGUYÊN – CẬP NHẬT THÁNG 5/2024") == 505.12
    assert bold("HỘ CẬN NGHÈO NĂM 2024 THÔN NÀ MÒN, XÃ TRUNG LƯƠNG, HUYỆN ĐỊNH HÓA,") == 620.11
    # So one break falls between words: after '2024', the widest line then 418.54; with
    # 'THÔN' on the first line it would be 438.71.
    assert bold("DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024 THÔN") == 438.71


def test_two_lines_break_at_the_comma_and_a_plain_text_is_made_even():
    # TITLE (regular 11, 521.81 pixels) in 501 takes two lines. Broken at its comma:
    # 'DANH SÁCH HỘ NGHÈO,' 180.07 and 'HỘ CẬN NGHÈO XÓM NÀ MÒN – THÁNG 5/2024' 340.89; at
    # the dash the first line would be 417.44 (after it) or 405.89 (before it). Before:
    # 'DANH SÁCH HỘ NGHÈO, HỘ CẬN' / 'NGHÈO XÓM …', 'HỘ CẬN NGHÈO' (near-poor) cut.
    assert _lines_within(TITLE, 501) == [
        "DANH SÁCH HỘ NGHÈO,",
        "HỘ CẬN NGHÈO XÓM NÀ MÒN – THÁNG 5/2024",
    ]
    assert round(text_pixels("DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO XÓM NÀ MÒN –", bold=False), 2) == (
        417.44
    )
    # A text without punctuation: as even as its lines allow, as before ('Xã Trung Lương'
    # 108.97 pixels: one line of 110; two of 100, 'Xã Trung' 62.44 / 'Lương' 45.67 rather
    # than 'Xã' / 'Trung Lương' 87.16).
    assert round(text_pixels("Xã Trung Lương", bold=False), 2) == 108.97
    assert _lines_within("Xã Trung Lương", 110) == ["Xã Trung Lương"]
    assert _lines_within("Xã Trung Lương", 100) == ["Xã Trung", "Lương"]
    assert round(text_pixels("Trung Lương", bold=False), 2) == 87.16
