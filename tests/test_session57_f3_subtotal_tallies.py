"""Session 57 (helper F3): a stale-looking subtotal's sums over all the rows above it and all
those under it asked of running figures, built once a table (tables._TableTallies), not added
up again per such row. Same answers as before: a 'Cộng tổ' whose number is the sum of all
the households under it, or of all those above it, is passed over silently; one no group
sums is told. The start list of the small commune (tests.commune), its header rows 1-3,
households from row 4: A STT, B Xóm, C Mã hộ, D Chủ hộ, I Số nhân khẩu, 4 people each.
"""

from __future__ import annotations

import openpyxl

from pipeline.headers import find_header
from pipeline.tables import NOTES, table_rows
from schemas.columns import SIGNATURE_MARKERS, START_LIST_COLUMNS, TOTAL_MARKERS
from tests.commune import write_plan


def _read(tmp_path, lines: list[tuple[str, int] | str]):
    """The start list with ``lines`` under its header: a code ('NM1', a household of 4
    people) or (a subtotal's words, its number of people)."""
    sheet = openpyxl.load_workbook(write_plan(tmp_path))["Danh sách đầu năm"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    grid = [list(r) for r in rows[:3]]
    for n, line in enumerate(lines, 1):
        if isinstance(line, str):
            row = list(rows[3])
            row[0], row[1], row[2], row[3], row[8] = n, "Nà Mòn", line, f"Hoàng Văn {n}", 4
        else:
            row = [None] * len(rows[3])
            row[1], row[3], row[8] = "Nà Mòn", line[0], line[1]
        grid.append(row)
    header = find_header(grid, START_LIST_COLUMNS, [])
    return table_rows(
        grid, header, ("ma_ho", "chu_ho", "phan_loai"), SIGNATURE_MARKERS, TOTAL_MARKERS,
        notes=NOTES, lead_keys=("hamlet",),
    )  # fmt: skip


def test_subtotals_summing_all_rows_under_or_above_are_passed_over_silently(tmp_path):
    """Row 5 'Cộng tổ 0 | 100' under NM0 (4): no group sums 100, told (first to ask the rows
    under it). Row 8 'Cộng tổ 1 | 12' under NM1, NM2 (8): the households under it, NM3, NM4,
    NM5, are 12 (the rows under row 5 less NM1 and NM2 taken out). Row 11 'Cộng tổ 2 | 8'
    over NM3, NM4: right. Row 13 'Cộng tổ 3 | 24' under NM5 (4): all six households above it
    are 24. Rows 8 and 13 passed over silently; the six households read."""
    lines = ["NM0", ("Cộng tổ 0", 100), "NM1", "NM2", ("Cộng tổ 1", 12), "NM3", "NM4"]
    lines += [("Cộng tổ 2", 8), "NM5", ("Cộng tổ 3", 24)]
    table = _read(tmp_path, lines)
    assert len(table) == 6
    assert [(s.excel_row, s.label, s.figures, s.rows) for s in table.stale_subtotals] == [
        (5, "Cộng tổ 0", ((8, 100, 4, "sum"),), (4,))
    ]


def test_a_subtotal_no_group_sums_is_told_beside_its_rows(tmp_path):
    """The same list, row 8 'Cộng tổ 1 | 16' (the rows under it 12, above it 12, its tổ 8) and
    row 13 'Cộng tổ 3 | 20' (above it 24, its tổ 4): both told, with their tổ's sums."""
    lines = ["NM0", ("Cộng tổ 0", 100), "NM1", "NM2", ("Cộng tổ 1", 16), "NM3", "NM4"]
    lines += [("Cộng tổ 2", 8), "NM5", ("Cộng tổ 3", 20)]
    table = _read(tmp_path, lines)
    assert len(table) == 6
    assert [(s.excel_row, s.figures, s.rows) for s in table.stale_subtotals] == [
        (5, ((8, 100, 4, "sum"),), (4,)),
        (8, ((8, 16, 8, "sum"),), (6, 7)),
        (13, ((8, 20, 4, "sum"),), (12,)),
    ]
