"""Session 54 (H3): the en dash and the curly quotes measured at their own widths.

``styles.text_units`` counted every character outside ' ' … '~' as an em, to be safe: the en
dash of 'Nà Mòn – Bản Cọ' and the quotes a word processor types (“ ” ‘ ’) too, so a text holding
them could be given a line more than it takes. Their advances are now Times New Roman's
(Liberation Serif's, read from the fonts: en dash 500, ‘ ’ 333, “ ” 444 regular and 500 bold);
the em dash and '…' are an em, as before."""

from __future__ import annotations

from pipeline.report.bulk import column_lines
from pipeline.report.cells import line_room, text_lines
from pipeline.report.styles import text_units


def test_the_dash_and_quotes_have_their_own_widths():
    assert [text_units(c, bold=False) for c in "–‘’“”…—"] == [500, 333, 333, 444, 444, 1000, 1000]
    assert [text_units(c, bold=True) for c in "–‘’“”…—"] == [500, 333, 333, 500, 500, 1000, 1000]
    # 'A – B': A722 + 2 spaces 250 + – 500 + B667 (regular)
    assert text_units("A – B", bold=False) == 722 + 500 + 500 + 667


def test_a_name_with_an_en_dash_is_one_line_where_it_fits():
    # Lò L611 o500 = 1111; Văn V722 a444 n500 = 1666; Nam N722 a444 m778 = 1944; – 500; Đồng
    # D722 o500 n500 g500 = 2222; Mỏ M889 o500 = 1389; 5 spaces of 250 = 1250: 10082, within
    # a 22-wide column's 10129 (the en dash an em: 10582, 'Mỏ' on a second line)
    name = "Lò Văn Nam – Đồng Mỏ"
    assert text_units(name, bold=False) == 10082
    assert line_room(22) == 10129
    assert text_lines(name, 22) == 1


def test_a_note_in_curly_quotes_is_one_line_where_it_fits():
    # “ 444 N722 h500 a444 = 2110; tạm t278 a444 m778 ” 444 = 1944; – 500; ít i278 t278 = 556;
    # đất d500 a444 t278 = 1222; 4 spaces 1000: 7332, within a 16-wide column's 7402 ('Ghi
    # chú'); the quotes and dash an em each: 7332 + 556 + 556 + 500 = 8944, two lines
    note = "“Nhà tạm” – ít đất"
    assert text_units(note, bold=False) == 7332
    assert line_room(16) == 7402
    assert text_lines(note, 16) == 1
    # a province's list measured at once (styles.regular_units) counts them alike
    assert column_lines([note, "Lò Văn Nam – Đồng Mỏ"], 16) == [1, 2]
