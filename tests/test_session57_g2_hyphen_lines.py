"""Session 57 (G2): a wrapped code's lines counted where Excel and LibreOffice break it.

`cells.wrap_count` broke a word wider than its line between letters, packing them: the
programs break it after a hyphen where the part before fits, so a long code typed with hyphens
took more lines in print than its row was made tall for, its last line cut. Its parts after
each hyphen now go on a line while they fit, a part wider than a line broken between letters.
"""

from __future__ import annotations

from pipeline.report.cells import line_room, text_lines, wrap_count
from pipeline.report.styles import text_units

# Regular Times New Roman, thousandths of an em: X 722, O 722, M 889, N 722, A 722, B 667,
# C 667, D 722, G 722, K 722, E 611, L 611, T 611, I 333, P 556, '-' 333, a digit 500.
CODE = "XOM-NAMON-BANCO-DONGKE-LANGMON"
NOTE = "NATIEN-2024-PACCAP-2025-000012"


def test_a_code_breaks_after_its_hyphens_where_the_parts_fit():
    assert len(CODE) == len(NOTE) == 30
    # A 13-wide column is 96 pixels, a line (96 − 3) ÷ 0.0154 = 6038 thousandths.
    assert line_room(13) == 6038
    parts = ["XOM-", "NAMON-", "BANCO-", "DONGKE-", "LANGMON"]
    assert "".join(parts) == CODE
    assert [text_units(p, bold=False) for p in parts] == [2666, 4110, 3833, 4554, 5110]
    # No two neighbours share a line: 'XOM-NAMON-' 6776, 'NAMON-BANCO-' 7943, 'BANCO-DONGKE-'
    # 8387, 'DONGKE-LANGMON' 9664, all over 6038: five lines, as LibreOffice prints it (a
    # column 13 wide: 'XOM-' / 'NAMON-' / 'BANCO-' / 'DONGKE-' / 'LANGMON'). Before: its
    # 20273 packed letter by letter into four lines ('XOM-NAMO' / 'N-BANCO-D…'), the row a
    # line short, 'LANGMON' cut.
    pairs = ["XOM-NAMON-", "NAMON-BANCO-", "BANCO-DONGKE-", "DONGKE-LANGMON"]
    assert [text_units(p, bold=False) for p in pairs] == [6776, 7943, 8387, 9664]
    assert text_units(CODE, bold=False) == 20273
    assert wrap_count(CODE, 6038) == 5 and text_lines(CODE, 13) == 5
    # An 18-wide column (131 pixels, 8311): 'XOM-NAMON-' (6776) / 'BANCO-' / 'DONGKE-' /
    # 'LANGMON', 'BANCO-DONGKE-' 8387 a hair over (four lines; three before).
    assert line_room(18) == 8311
    assert text_lines(CODE, 18) == 4


def test_a_part_wider_than_a_line_is_broken_between_letters():
    # 'NATIEN-2024-' 6387, 'PACCAP-2025-' 6556, '000012' 3000 in 8311: 'NATIEN-2024-PACCAP-'
    # 10610 and 'PACCAP-2025-000012' 9556 do not fit, three lines. Before: 'NATIEN-2024-PA'
    # (7665; with C 8332) / 'CCAP-2025-000012' (8278), two.
    assert [text_units(p, bold=False) for p in ("NATIEN-2024-", "PACCAP-2025-", "000012")] == [
        6387,
        6556,
        3000,
    ]
    assert text_units("NATIEN-2024-PACCAP-", bold=False) == 10610
    assert text_units("PACCAP-2025-000012", bold=False) == 9556
    assert text_lines(NOTE, 18) == 3
    # A part wider than a line is broken between its letters, the next part after it where
    # it fits (as LibreOffice prints 'AAAA-BBB…B-CC' as 'BBBBBB' / '-CC'): 'ABCD-' (A 722,
    # B 667, C 667, D 722, '-' 333: 3111) then 'E' (611). In 2400: 'ABC' (2056; with D 2778)
    # / 'D-' (1055) and 'E' after it (1666): two lines. In 2000: 'AB' (1389; with C 2056) /
    # 'CD-' (1722), 'E' on a third (2333 over).
    assert text_units("ABCD-", bold=False) == 3111
    assert wrap_count("ABCD-E", 2400) == 2
    assert wrap_count("ABCD-E", 2000) == 3
    # before a space as before: 'Hoàng Văn AB-CD' in a 13-wide column, 'Hoàng Văn AB-' / 'CD'
    assert text_lines("Hoàng Văn AB-CD", 13) == 2
