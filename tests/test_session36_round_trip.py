"""Session 36: what a hamlet head's round trip (QA) found: the blank template filled in as
heads fill it, checked, run, its feedback workbook read and followed (docs/decisions.md)."""

from __future__ import annotations

import openpyxl

from pipeline.run import execute
from pipeline.template import write_templates
from tests.commune import person, write_plan

KEYS = ["stt", "ma_ho", "chu_ho", "nam_sinh", "gioi_tinh", "dan_toc", "so_dinh_danh",
        "nhan_khau", "phan_loai"]  # fmt: skip


def _blank_filled(tmp_path, households: int):
    """The blank roster (`giamngheo template`: rows 5-104 empty, the signature in rows
    106-108) filled in with NM1 … NMn poor in rows 5 on, NM1's size 'bốn' (an error, so the
    head gets a feedback copy); run; the copy's 'Danh sách'."""
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    [blank] = [p for p in write_templates(tmp_path / "mau") if p.name == "MauDanhSachHo.xlsx"]
    book = openpyxl.load_workbook(blank)
    info = book["Thông tin"]
    for row, value in ((2, "Trung Lương"), (3, "Nà Mòn"), (4, "05/2024"), (5, 102),
                       (6, "Lường Thị Mai"), (7, "03/06/2024")):  # fmt: skip
        info.cell(row, 2, value)
    ws = book["Danh sách"]
    for i in range(1, households + 1):
        household = person(f"NM{i}", "poor")
        for col, key in enumerate(KEYS, start=1):
            ws.cell(4 + i, col, i if key == "stt" else household[key])
    ws["H5"] = "bốn"
    book.save(folder / "NaMon.xlsx")
    execute(folder, tmp_path / "ra", "2024-05")
    path = tmp_path / "ra" / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx"
    return openpyxl.load_workbook(path)["Danh sách"]


def test_the_blank_template_s_copy_keeps_its_households_on_one_page(tmp_path):
    """Nine households (rows 5-13) in the blank template: the signature (rows 106-108) lies
    under 92 empty rows, which print whatever is done (the copy puts every cell where the
    head's file has it). The rows from the last two households to the signature, 97 rows of
    15.75 pt (1527.75 pt), fit no page (at most 533.36 pt at the copy's scale, see
    test_session26_feedback_print), so keeping the last households with the signature
    cannot be done: no page break. There was one before row 12, which printed NM8 and NM9
    on a page of their own (with 34 empty rows), apart from NM1-NM7."""
    ws = _blank_filled(tmp_path, 9)
    assert (ws["B13"].value, ws["B14"].value) == ("NM9", None)
    assert ws["R106"].value == "Ngày … tháng … năm …"
    assert ws["H5"].value == "bốn" and ws["H5"].fill.fgColor.rgb == "FFFFC7CE"
    assert round(97 * 15.75, 2) == 1527.75 > 533.36
    assert [b.id for b in ws.row_breaks.brk] == []
