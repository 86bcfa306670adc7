"""Session 56, R3: review of E's titles and F's total rows and title lines, as heads break them.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè on the start list. Nà Mòn's May list
(tests.test_session30_c_heads_lists.OWN, 102 households): NM1, NM5, NM6 poor, NM2, NM4
near-poor in rows 5-9, then a heading row (row 10, merged across the table as heads write it)
over BC1 (poor) and BC3 (near-poor), rows 11-12."""

from __future__ import annotations

import unicodedata

import openpyxl
import pytest

from pipeline.run import collect
from tests.commune import person
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session40_titles import issues


def _headed_rows(tmp_path, heading: str):
    """Nà Mòn's May list with ``heading`` in A10, merged over the table, over BC1 and BC3: the
    run's result."""
    folder = tmp_path / "input"
    folder.mkdir()
    path = with_titles(folder, [(heading, [person("BC1", "poor"), person("BC3", "near_poor")])])
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    assert sheet["A10"].value == heading and sheet["B11"].value == "BC1"
    sheet.merge_cells(start_row=10, start_column=1, end_row=10, end_column=sheet.max_column)
    book.save(path)
    return collect(folder, None, workers=0)[0]


@pytest.mark.parametrize(
    "heading",
    [
        "Tổ 2 xóm Bản Cọ chuyển đến",
        "TỔ 2 - XÓM BẢN CỌ CHUYỂN ĐẾN:",
        "Tổ 2 xóm Bản Cọ (chuyển đến)",
        "Xóm Bản Cọ chuyển đến",
        "Danh sách xóm Bản Cọ mới chuyển về",
        unicodedata.normalize("NFD", "Tổ 2 xóm Bản Cọ chuyển đến"),
    ],
)
def test_a_hamlets_heading_ending_chuyen_den_keeps_its_rows_moved_in(tmp_path, heading):
    """'Tổ 2 xóm Bản Cọ chuyển đến' (row 10) over BC1 and BC3: households that moved into Nà
    Mòn from Bản Cọ's group 2, as under 'Hộ chuyển đến từ tổ 2 xóm Bản Cọ'. By hand: the rows
    stay Nà Mòn's, nothing said: 4 poor (NM1, NM5, NM6, BC1), 3 near-poor (NM2, NM4, BC3), the
    poor rate 4 / 102 = 3.92 %. Was: read as a hamlet 'Bản Cọ chuyển đến' (no plan hamlet),
    rows 11-12 taken out as its, 3 and 2 (the group-first headings since session 56's E, the
    others before it)."""
    result = _headed_rows(tmp_path, heading)
    assert issues(result, "rows-of-other-hamlet") == []
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (4, 3)
    assert na_mon["poor_rate"] == pytest.approx(400 / 102)
