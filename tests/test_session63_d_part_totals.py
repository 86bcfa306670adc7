"""Session 63 (D): a hamlet's total typed without marks with its count of households ('Cong Ban
Co | 2') closing a part of a list (one head's list writing two plan hamlets' rows apart, each
under its own total) is set beside its part's rows, not the whole list's (D's Left of session
62: 'Cong Ban Co | 2' under Bản Cọ's two rows after Nà Mòn's three was said
total-count-differs beside the list's five).

The small commune (tests.commune); Nà Mòn's list from row 5 on, A STT, B Mã hộ, C the head's
name, H Số nhân khẩu, I Phân loại hộ; each household 4 people, poor. Bản Cọ sends no list of
its own (its rows are in Nà Mòn's: what else is said of them is not looked at here).
"""

from __future__ import annotations

import unicodedata

import openpyxl
import pytest

from pipeline.run import collect
from tests.commune import person
from tests.test_typed_by_hand import commune

NA_MON = [person(f"NM{n}", "poor") for n in (1, 2, 3)]
BAN_CO = [person(f"BC{n}", "poor") for n in (1, 2)]


def collected_with_lines(
    tmp_path, rows: list, lines: dict[int, dict[int, object]], ban_co: bool = False
):
    """The small commune read (``collect``) with Nà Mòn's list of ``rows`` (None: a row written
    ``lines[excel_row]``, column -> value, its other cells blank), Bản Cọ's own list removed
    unless ``ban_co``."""
    path = commune(tmp_path, [row or person("ZZ9", "poor") for row in rows])
    if not ban_co:
        (tmp_path / "BanCo.xlsx").unlink()
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    for excel_row, cells in lines.items():
        for col in range(1, sheet.max_column + 1):
            sheet.cell(excel_row, col).value = cells.get(col)
    book.save(path)
    result, _ = collect(tmp_path, None, workers=0)
    return result


def _run(tmp_path, rows: list, lines: dict[int, dict[int, object]]):
    """Nà Mòn's list of ``rows`` (None: a row written ``lines[excel_row]``), Bản Cọ sending
    none: what is said of the list's totals (total-count-differs), and the codes read."""
    result = collected_with_lines(tmp_path, rows, lines)
    said = [i for i in result.issues if i.file == "NaMon.xlsx" and i.code == "total-count-differs"]
    return said, sorted(result.households["ma_ho"])


CODES = ["BC1", "BC2", "NM1", "NM2", "NM3"]


@pytest.mark.parametrize(
    "label", ["Cong Ban Co", unicodedata.normalize("NFD", "Cong Bản Cọ"), "Tong Ban Co"]
)
@pytest.mark.parametrize("count", [2, "2", "2 hộ"])
def test_a_parts_total_counting_its_part_is_unsaid(tmp_path, label, count):
    """Rows 5-7 NM1-NM3, row 8 'Cong Na Mon | 3 | … | 12', rows 9-10 BC1, BC2, row 11 '<label> |
    <count> | … | 8'. By hand: each old hamlet's total counts its own rows (3; 2), taken out:
    nothing said; the 5 households read. Before: row 11 said total-count-differs at B11 ('2'
    beside the list's 5 rows)."""
    rows = [*NA_MON, None, *BAN_CO, None]
    lines = {8: {3: "Cong Na Mon", 2: 3, 8: 12}, 11: {3: label, 2: count, 8: 8}}
    said, codes = _run(tmp_path, rows, lines)
    assert ([(i.code, i.cell) for i in said], codes) == ([], CODES)


def test_a_parts_total_counting_wrong_is_said_beside_its_part(tmp_path):
    """Rows as above, row 11 'Cong Ban Co | 3 | … | 8': Bản Cọ's part holds 2 rows (9-10), not
    3, nor the 5 above it. By hand: said total-count-differs at B11, variant 'section': "Dòng
    'Cong Ban Co' là dòng cộng của một phần danh sách, ghi '3' nhưng phần đó có 2 dòng hộ
    (dòng 9–10)"; the 5 households read. Before: said beside the list's 5 rows ("danh sách có
    5 dòng hộ")."""
    rows = [*NA_MON, None, *BAN_CO, None]
    lines = {8: {3: "Cong Na Mon", 2: 3, 8: 12}, 11: {3: "Cong Ban Co", 2: 3, 8: 8}}
    said, codes = _run(tmp_path, rows, lines)
    assert ([(i.code, i.cell, i.variant) for i in said], codes) == (
        [("total-count-differs", "B11", "section")],
        CODES,
    )
    assert said[0].message("vi").split(";")[0] == (
        "Dòng 'Cong Ban Co' là dòng cộng của một phần danh sách, ghi '3' nhưng phần đó có 2 "
        "dòng hộ (dòng 9–10)"
    )
    assert said[0].message("en").split(";")[0] == (
        "The 'Cong Ban Co' row is the total of a part of the list and says '3', but that part "
        "has 2 household rows (rows 9–10)"
    )


def test_a_parts_total_on_top_counting_its_part_is_unsaid(tmp_path):
    """Row 5 'Cong Na Mon | 3', rows 6-8 NM1-NM3, row 9 'Cong Ban Co | 2', rows 10-11 BC1, BC2:
    each total on top of its own rows. By hand: right, nothing said; the 5 households read. Before: row 9
    said ('2' beside the 5 rows)."""
    rows = [None, *NA_MON, None, *BAN_CO]
    lines = {5: {3: "Cong Na Mon", 2: 3, 8: 12}, 9: {3: "Cong Ban Co", 2: 2, 8: 8}}
    said, codes = _run(tmp_path, rows, lines)
    assert ([(i.code, i.cell) for i in said], codes) == ([], CODES)


def test_the_lists_own_total_counting_wrong_is_said_as_before(tmp_path):
    """Guard: rows 5-7 NM1-NM3, BC1, BC2 (rows 5-9), row 10 'Cong Na Mon | 4 | … | 20': the
    list's own hamlet's only total, beside the whole list: said total-count-differs at B10
    ('4', 5), its plain wording, as before (session 62 D)."""
    rows = [*NA_MON, *BAN_CO, None]
    lines = {10: {3: "Cong Na Mon", 2: 4, 8: 20}}
    said, codes = _run(tmp_path, rows, lines)
    assert [(i.code, i.cell, i.variant, i.value, i.detail) for i in said] == [
        ("total-count-differs", "B10", "", "4", "5")
    ]
    assert codes == CODES
