"""Session 23: 'Xu hướng''s chart no longer prints on a page of its own once the commune's
table has grown too long for it (the later months): the table of hamlets' poverty rates
follows the chart on page two when it fits there."""

from __future__ import annotations

import openpyxl

from pipeline.run import execute
from pipeline.sample import generate_sample
from tests.printed_pages import chart_rows, page_starts, problems


def _rows(ws, text: str) -> list[int]:
    return [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == text]


def test_the_hamlet_table_follows_the_chart_on_its_page(tmp_path):
    generate_sample(tmp_path / "input", months=5)
    for month in range(1, 6):
        execute(tmp_path / "input", tmp_path / "output", f"2024-{month:02d}")
    path = tmp_path / "output" / "2024-05" / "TongHop_2024-05.xlsx"
    ws = openpyxl.load_workbook(path)["Xu hướng"]
    # Section I: title block, the start of the year, five months, the year's target, a
    # note: the chart (15 rows) would not fit under it, so it starts page two.
    (months,) = _rows(ws, "Tháng 5")
    (chart,) = chart_rows(ws)
    assert months < chart[0]
    (poor,) = _rows(ws, "II. TỶ LỆ HỘ NGHÈO THEO XÓM (%)")
    (near,) = _rows(ws, "III. TỶ LỆ HỘ CẬN NGHÈO THEO XÓM (%)")
    assert chart[1] < poor < near
    for starts in page_starts(ws):
        # Pages: section I | the chart and table II (12 hamlets, 16 rows) | table III and
        # the signature. Before, table II printed on a page of its own after the chart's.
        assert [s for s in starts if s >= chart[0]] == [chart[0], near], starts
    assert problems(ws) == []
