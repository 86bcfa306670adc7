"""The feedback's 'Giá trị đã ghi' of a warning whose cell only marks its row (the row's STT
cell): the warning's own value, as 'Lỗi dữ liệu' says it, never the row's number (session 48).
Before, the guide showed the STT there: '1' for the household moved away, '3' for the rows
under the signature."""

from __future__ import annotations

import openpyxl

from pipeline.run import execute
from tests.commune import clean_rosters, person, write_plan
from tests.test_session30_c_heads_lists import with_titles
from tests.test_session32_moves import TITLE, write_ban_co_may


def _guide(out, hamlet: str) -> list[tuple]:
    """The feedback guide's rows of issues: (Ô, Giá trị đã ghi)."""
    [path] = out.glob(f"2024-05/PhanHoi/{hamlet}_2024-05.xlsx")
    ws = openpyxl.load_workbook(path)["Hướng dẫn sửa"]
    return [(r[2], r[5]) for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]


def _said(out, code: str) -> list[tuple]:
    """'Lỗi dữ liệu''s rows of ``code``: (Ô, Giá trị)."""
    ws = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Lỗi dữ liệu"]
    return [(r[4], r[7]) for r in ws.iter_rows(values_only=True) if r[9] == code]


def test_a_household_moved_away_not_listed_there_reads_its_code_and_head(tmp_path):
    """Nà Mòn's May list: NM3 (poor) in row 11, numbered 1, under 'Hộ chuyển đi xóm Bản Cọ'
    (A10); Bản Cọ does not list it. The warning at A11 names NM3 (Hoàng Văn NM3) in both."""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    with_titles(folder, [(TITLE, [person("NM3", "poor")])], restart=True)
    write_ban_co_may(folder, [])
    execute(folder, out, None)
    assert _said(out, "moved-not-listed") == [("A11", "NM3 (Hoàng Văn NM3)")]
    assert _guide(out, "Nà Mòn") == [
        ("A10", "Hộ chuyển đi xóm Bản Cọ"),  # the title's own cell: its text
        ("A11", "NM3 (Hoàng Văn NM3)"),
    ]


def test_the_rows_under_the_signature_read_no_value(tmp_path):
    """Nà Mòn: a date, 'Người lập biểu' and a name pasted between NM2 (row 6) and NM3: NM3, its
    STT 3, is in row 10, the first of four under the signature; the warning at A10 has no
    value, in 'Lỗi dữ liệu' and in the guide."""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    write_plan(folder)
    clean_rosters(folder)
    path = folder / "NaMon.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    sheet.insert_rows(7, 3)
    sheet["R7"] = "Ngày 01 tháng 06 năm 2024"
    sheet["B8"] = "Người lập biểu"
    sheet["B9"] = "Lường Thị Mai"
    book.save(path)
    assert sheet["A10"].value == 3
    execute(folder, out, None)
    assert _said(out, "rows-below-signature") == [("A10", None)]
    assert ("A10", None) in _guide(out, "Nà Mòn")
