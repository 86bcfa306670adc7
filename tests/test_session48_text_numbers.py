"""The numbers written as text on purpose (an ID number's leading 0, the tables' column numbers,
a value as the head typed it) are marked so for Excel in every sheet of the three workbooks a
run writes (session 48). Unmarked, Excel shows each such cell a green triangle offering
'Convert to Number', which turns '0…1234' into a number without its 0."""

from __future__ import annotations

import re
import zipfile

import openpyxl

from pipeline.run import execute
from tests.commune import person, write_plan, write_roster

MARKED = '<ignoredErrors><ignoredError sqref="A1:XFD1048576" numberStoredAsText="1"/>'


def unmarked(path) -> list[str]:
    """The worksheets of ``path`` that do not mark numbers stored as text as meant."""
    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)]
        assert sheets
        return [n for n in sheets if MARKED not in z.read(n).decode()]


def test_every_sheet_of_the_run_marks_its_numbers_written_as_text(tmp_path):
    """Nà Mòn: NM1 poor, NM2 near-poor; Bản Cọ: BC1 poor, BC2 poor in a row with 0 members (an
    error, so Bản Cọ gets feedback); Đồng Kè sends nothing. NM1's ID number, 0…1234, stays
    text on 'DS hộ nghèo', and 'Theo xóm''s column numbers ('1' above 'Tổng số hộ') too."""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    write_plan(folder)
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, [
        person("NM1", "poor"), person("NM2", "near_poor")])  # fmt: skip
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [
        person("BC1", "poor"), person("BC2", "poor", nhan_khau=0)])  # fmt: skip
    execute(folder, out, None)
    book = out / "2024-05" / "TongHop_2024-05.xlsx"
    wb = openpyxl.load_workbook(book)
    ids = [c.value for row in wb["DS hộ nghèo"].iter_rows() for c in row
           if c.value == person("NM1", "poor")["so_dinh_danh"]]  # fmt: skip
    assert len(ids) == 1 and ids[0].startswith("0")
    assert "1" in [c.value for row in wb["Theo xóm"].iter_rows() for c in row]
    feedback = sorted((out / "2024-05" / "PhanHoi").glob("*.xlsx"))
    assert "Bản Cọ_2024-05.xlsx" in [p.name for p in feedback]
    for path in (book, out / "2024-05" / "NiemYet_2024-05.xlsx", *feedback):
        assert unmarked(path) == [], path.name
