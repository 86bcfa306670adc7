"""Session 29: what the workbooks look like (docs/decisions.md, "Session 29: …").

* The shipped sample commune in ``input/`` is what ``make sample`` writes today: the current
  template's column widths, header height and hints, the same households and figures.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pipeline.sample import generate_sample

INPUT = Path(__file__).resolve().parents[1] / "input"


def _look(path: Path) -> dict:
    """Each sheet's cell values, column widths, header row height and input hints."""
    wb = openpyxl.load_workbook(path)
    look = {}
    for ws in wb.worksheets:
        look[ws.title] = {
            "values": [[c.value for c in row] for row in ws.iter_rows()],
            "widths": {k: d.width for k, d in ws.column_dimensions.items()},
            "header_height": ws.row_dimensions[4].height,
            "hints": sorted((str(v.sqref), v.prompt) for v in ws.data_validations.dataValidation),
        }
    return look


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sample") / "input"
    generate_sample(folder, seed=2024)  # what `make sample` runs
    return folder


def test_shipped_input_is_what_make_sample_writes(regenerated):
    names = sorted(p.name for p in INPUT.iterdir())
    assert names == sorted(p.name for p in regenerated.iterdir())
    assert len(names) == 25  # 12 hamlets x 2 months, and the plan
    for name in names:
        assert _look(INPUT / name) == _look(regenerated / name), name


def test_shipped_roster_has_the_current_template_look():
    look = _look(INPUT / "DS_BanCo_2024-05.xlsx")
    listing = look["Danh sách"]
    # 'Thu nhập BQ (đồng/người/tháng)' (column J) is 20 wide (the older template's 13 cut it);
    # xlsxwriter stores a width w as w + 0.71 (the cell padding).
    assert listing["widths"]["J"] == pytest.approx(20.7109375)
    # The header wraps in 78.75 points (the older file had 48: the longest header was cut).
    assert listing["header_height"] == 78.75
    assert listing["values"][3][9] == "Thu nhập BQ (đồng/người/tháng)"
    hints = dict(look["Thông tin"]["hints"])
    assert hints["B5"].startswith("Tổng số hộ đang sinh sống trong xóm (tất cả các hộ")
    assert hints["B4"] == "Tháng và năm của danh sách, ví dụ: 05/2024."
