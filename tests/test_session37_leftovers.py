"""Session 37: what a hamlet head's round trip (session 36) left: the feedback copy printing the
blank template's empty rows, a head's name typed after '=' as text, a 'Thông tin' value typed
after '=' and saved as a formula without a value; and a hamlet named with an apostrophe, a kind
of DOMAIN §5.2's mess no test fed (docs/decisions.md)."""

from __future__ import annotations

import openpyxl

from pipeline.run import execute
from pipeline.template import write_templates
from tests.commune import person, write_plan
from tests.printed_pages import page_starts

KEYS = ["stt", "ma_ho", "chu_ho", "nam_sinh", "gioi_tinh", "dan_toc", "so_dinh_danh",
        "nhan_khau", "phan_loai"]  # fmt: skip
PHAN_HOI = ("ra", "2024-05", "PhanHoi", "Nà Mòn_2024-05.xlsx")


def _blank_filled_and_copied(tmp_path, households: int):
    """The blank roster (`giamngheo template`: rows 5-104 empty, the signature in rows 106-108)
    filled in with NM1 … NMn poor from row 5, NM1's size 'bốn' (an error, so the head gets a
    feedback copy), and the list sheet copied as 'Danh sách (2)' (as Excel's "Move or Copy"
    names it); run; the feedback workbook."""
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
    book.copy_worksheet(ws).title = "Danh sách (2)"
    book.save(folder / "NaMon.xlsx")
    result = execute(folder, tmp_path / "ra", "2024-05")[0]
    return result, openpyxl.load_workbook(tmp_path.joinpath(*PHAN_HOI))


def test_the_copy_prints_no_page_of_the_blank_template_s_empty_rows(tmp_path):
    """Nine households (rows 5-13) in the blank template, the list sheet copied as 'Danh sách
    (2)' (said: sheet-copy-not-read, so the copy is in the feedback workbook too). Under the
    households, 92 empty rows (14-105) before the signature (106-108): 92 × 15.75 pt =
    1449 pt, more than a printed page of the copy (533.36 pt at most, see
    test_session36_round_trip), so both copies print rows 1-13 only: one page down. Before,
    each printed rows 1-108, its empty rows over pages of their own. No row is hidden (the
    copy is the workbook the head corrects), the signature still in row 106."""
    result, book = _blank_filled_and_copied(tmp_path, 9)
    assert [i.sheet for i in result.issues if i.code == "sheet-copy-not-read"] == ["Danh sách (2)"]
    for name in ("Danh sách", "Danh sách (2)"):
        ws = book[name]
        assert ws.print_area == f"'{name}'!$A$1:$Z$13"
        assert [starts[0] for starts in page_starts(ws)] == [1] * len(page_starts(ws))
        assert all(len(starts) == 1 for starts in page_starts(ws))
        assert not any(ws.row_dimensions[r].hidden for r in range(1, 109))
        assert (ws["B13"].value, ws["B14"].value) == ("NM9", None)
        assert ws["R106"].value == "Ngày … tháng … năm …"


def test_a_list_filling_the_template_still_prints_its_signature(tmp_path):
    """Eighty households (rows 5-84): 21 empty rows (85-105) under them, 330.75 pt, less than
    a page: no print area, the signature prints with the list as before."""
    _, book = _blank_filled_and_copied(tmp_path, 80)
    assert not book["Danh sách"].print_area
