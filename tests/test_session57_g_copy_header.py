"""Session 57 (G): a parent header begun in the columns the feedback copy repeats prints whole.

Session 26's messy copy prints two pages across, A:C (STT, Mã hộ, the head's name) repeated on
the second. The head's parent header 'Thông tin chủ hộ' is merged over C3:E3: it begins in the
repeated columns and ends past them, so the second page printed C's share of it, the words
centred over C:E cut to 'Thông tin chủ' (session 56's review, R4). Its words are now placed as
the copy's title is (`feedback._outside_text`): centred where they keep clear of the repeated
share, else at the range's left where they fit in it, whole on every page; the merge is kept.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from pipeline.report.styles import column_pixels, text_pixels, text_units
from pipeline.run import execute
from tests import messy
from tests.commune import write_plan

LONG = (
    "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024 THÔN NÀ MÒN, XÃ TRUNG LƯƠNG, HUYỆN ĐỊNH HÓA, "
    "TỈNH THÁI NGUYÊN – CẬP NHẬT THÁNG 5/2024"
)


@pytest.fixture(scope="module")
def messy_copy(tmp_path_factory):
    """Session 26's copy: the long title over 26 columns, a three-row header (parents 'Thông
    tin chủ hộ' C3:E3 and 'Các chỉ số thiếu hụt…' K3:V3), NM3's head 'Lường Quang Cường'."""
    tmp_path: Path = tmp_path_factory.mktemp("messy57")
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    households = messy.with_changes(
        messy.na_mon_households(),
        NM2={"nhan_khau": "bốn"},
        NM3={"chu_ho": "Lường Quang Cường"},
        NM4={"phan_loai": "Hộ khá"},
    )
    layout = messy.Layout(sheet="DS", title=(LONG,), header_rows=3, signature=True)
    roster = messy.roster_sheet(households, layout, messy.Typing())
    info = messy.info_sheet(messy.info_values("Nà Mòn", "5/2024", 102), "standard")
    messy.write_book(folder / "NaMon.xlsx", [roster, info])
    execute(folder, tmp_path / "out", "2024-05")
    path = tmp_path / "out" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    return openpyxl.load_workbook(path)["DS"]


def test_a_parent_header_begun_in_the_repeated_columns_fits_their_share(messy_copy):
    ws = messy_copy
    assert ws.print_title_cols == "$A:$C" and [b.id for b in ws.col_breaks.brk] == [15]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "C3:E3" in merged  # the head's merge kept, not split at the repeated edge
    # Bold Times New Roman: T 667, h 557, ô 500, n 557, g 500, t 334, i 278, c 444, ủ 557,
    # ộ 500, three spaces of 250: 7315 thousandths of an em, 7315 × 0.0154 + 3 = 115.65
    # pixels. C (the name, 19 wide) is 138 pixels, 135 inside its padding: the words fit in
    # the share page 2 prints. C:E (138 + 37 + 33 = 208 pixels) has no room to keep them
    # clear of that share centred (2 × 138 > 205): at C3:E3's left.
    assert text_units("Thông tin chủ hộ", bold=True) == 7315
    assert round(text_pixels("Thông tin chủ hộ", bold=True), 2) == 115.65
    widths = {c: round(ws.column_dimensions[c].width * 7) for c in "CDE"}
    assert widths == {"C": 138, "D": 37, "E": 33}
    assert column_pixels(19.0) == 138
    cell = ws["C3"]
    assert cell.value == "Thông tin chủ hộ" and cell.font.b
    assert cell.alignment.horizontal == "left"  # centred before: 'Thông tin chủ' on page 2
    # a parent header past the repeated columns is centred as before
    assert ws["K3"].alignment.horizontal == "center"
    assert ws["K3"].value == messy.INDICATOR_PARENT
