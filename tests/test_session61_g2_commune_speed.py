"""Session 61 (G2): the commune run's own work made smaller (issue #6), its outputs unchanged.

* A list's letters are measured as they are met (`styles.regular_units`), not every one of the
  8,448 code points the width table holds at the first list a writing process measures.
"""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np

from pipeline.report.bulk import column_lines
from pipeline.report.styles import TABLE_SIZE, regular_units


def _fresh(code: str) -> dict:
    """What ``code`` (run in a new interpreter, after the imports a writing process has)
    prints as JSON."""
    prelude = "import json\nfrom pipeline.report import bulk, styles\n"
    done = subprocess.run(
        [sys.executable, "-c", prelude + code], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_a_list_measures_only_the_letters_it_holds():
    # 'ab № ' ten times (50 letters, more than a 10-wide column is sure to hold at once):
    # a 444, b 500, the space 250, '№' (U+2116, past the table) an em: 2194 a time, 21940,
    # over the column's line (line_room(10)): wrapped word by word at the letters' own widths
    # ('№' measured itself there), more than one line. The letters measured are the four code
    # points met, '№' as U+20FF (the table's last, an em), and '№' by the wrapping; before,
    # all 8,448 of the table were measured at the first list.
    seen = _fresh(
        "lines = bulk.column_lines(['ab \\u2116 ' * 10, 'a'], 10)\n"
        "print(json.dumps({'lines': lines, 'letters': sorted(styles.REGULAR_LETTERS)}))"
    )
    assert seen["letters"] == [" ", "a", "b", "\u20ff", "\u2116"]
    # the lines as the whole table gave them (session 60's code: [6, 1])
    assert seen["lines"] == [6, 1]


def test_letters_met_later_are_measured_then():
    seen = _fresh(
        "import numpy as np\n"
        "first = styles.regular_units(np.array([97, 98], dtype=np.uint32)).tolist()\n"
        "known = len(styles.REGULAR_LETTERS)\n"
        "later = styles.regular_units(np.array([0x1EA1, 97, 0x0110], dtype=np.uint32)).tolist()\n"
        "print(json.dumps({'first': first, 'known': known, 'later': later,"
        " 'letters': sorted(styles.REGULAR_LETTERS)}))"
    )
    # a 444, b 500; then 'ạ' as its base letter a (444), 'Đ' as D (722)
    assert seen == {
        "first": [444, 500],
        "known": 2,
        "later": [444, 444, 722],
        "letters": ["a", "b", "\u0110", "\u1ea1"],
    }


def test_the_units_are_each_letters_own_and_an_em_past_the_table():
    codes = np.array([32, 97, 0x1EA1, 0x2013, TABLE_SIZE - 1, TABLE_SIZE, 0x2116], np.uint32)
    # space 250, a 444, 'ạ' 444, the en dash 500, U+20FF and anything past it an em
    assert regular_units(codes).tolist() == [250, 444, 444, 500, 1000, 1000, 1000]


def test_a_list_is_wrapped_as_before():
    # session 54's and 55's cases, measured together (the table filled as they come)
    assert column_lines(["“Nhà tạm” – ít đất", "Lò Văn Nam – Đồng Mỏ"], 16) == [1, 2]
    assert column_lines(["• Nhà tạm, thiếu đất", "Nhà tạm,\u00a0thiếu đất ở xa"], 18) == [1, 2]
