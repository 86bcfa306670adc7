"""Session 55 (G): print and width leftovers of session 54's letter-width measuring.

* A no-break space (U+00A0) and a bullet '•' are measured at their own widths (Liberation
  Serif's: 250 and 350 thousandths of an em), not an em each.
"""

from __future__ import annotations

from pipeline.report.bulk import column_lines
from pipeline.report.cells import line_room, text_lines
from pipeline.report.styles import text_units


def test_a_no_break_space_and_a_bullet_have_their_own_widths():
    assert [text_units(c, bold=False) for c in "\u00a0•"] == [250, 350]
    assert [text_units(c, bold=True) for c in "\u00a0•"] == [250, 350]


def test_a_note_with_a_bullet_or_a_no_break_space_is_one_line_where_it_fits():
    # • 350; Nhà N722 h500 a444 = 1666; tạm, t278 a444 m778 ,250 = 1750; thiếu t278 h500 i278
    # e444 u500 = 2000; đất d500 a444 t278 = 1222; 4 spaces of 250 = 1000: 7988, within an
    # 18-wide column's 8311 ((7 × 18 + 5 − 3) ÷ 0.0154); the bullet an em: 8638, two lines
    bullet = "• Nhà tạm, thiếu đất"
    assert text_units(bullet, bold=False) == 7988
    assert line_room(18) == 8311
    assert text_lines(bullet, 18) == 1
    # a no-break space after the comma (a word processor's): Nhà 1666 + ' ' 250 + tạm, 1750 +
    # NBSP 250 + thiếu 2000 + ' ' 250 + đất 1222 + ' ' 250 + ở (o500, a horn 80) 580 = 8218,
    # within 8311; the no-break space an em: 8968, two lines
    spaced = "Nhà tạm,\u00a0thiếu đất ở"
    assert text_units(spaced, bold=False) == 8218
    assert text_lines(spaced, 18) == 1
    # a province's list measured at once (styles.regular_table) counts them alike
    assert column_lines([bullet, spaced, "Nhà tạm,\u00a0thiếu đất ở xa"], 18) == [1, 1, 2]
