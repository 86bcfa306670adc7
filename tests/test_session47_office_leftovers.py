"""Session 47: what the officer's look at the consolidated workbook left (docs/decisions.md,
'the consolidated and feedback workbooks as the officer prints them (QA)', Left).

'Nộp báo cáo' showed a refused list with its rows read and 'Số dòng bị loại' 0 (or only the
rows with an error of their own): the officer read "nothing rejected" beside "Bị từ chối"."""

from __future__ import annotations

import shutil

import openpyxl
import pytest

from pipeline.run import execute
from pipeline.sample import generate_sample

SHEET = "Nộp báo cáo"


def _rows_of(ws, file: str) -> list[tuple]:
    """(STT, Xóm, 'Số dòng đã đọc', 'Số dòng bị loại') of each row naming ``file``."""
    return [
        (ws.cell(r, 1).value, ws.cell(r, 2).value, ws.cell(r, 5).value, ws.cell(r, 6).value)
        for r in range(1, ws.max_row + 1)
        if ws.cell(r, 4).value == file
    ]


def _edit(path, cells: dict[str, object], size_zero: bool = False) -> None:
    """Write ``cells`` of the list's 'Thông tin' sheet; ``size_zero``: the first household of
    0 persons (an error of its own)."""
    book = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        book["Thông tin"][ref] = value
    if size_zero:
        rows = book["Danh sách"]
        size = next(
            c for c in range(1, rows.max_column + 1) if rows.cell(4, c).value == "Số nhân khẩu"
        )
        rows.cell(5, size).value = 0
    book.save(path)


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    """Three hamlets, May only: Nà Mòn (4 households), Khau Lang and Bản Cọ (5 each). Khau
    Lang's list says '13/2024' in 'Kỳ báo cáo' (refused before its rows are checked); Bản Cọ's
    says 'khoảng 200 hộ' in 'Tổng số hộ dân cư' and its first household has 0 persons
    (refused after its rows are checked: one row with an error of its own); a copy of Nà Mòn's
    list names 'Xóm Lạ', in no plan (refused, under 'Các tệp khác'). Nà Mòn's own list is
    counted, its rows all valid."""
    base = tmp_path_factory.mktemp("refused")
    truth = generate_sample(base / "in", hamlets=3, households=4, months=1)
    files = [truth["by_period"]["2024-05"][name]["file"] for name in truth["hamlets"]]
    _edit(base / "in" / files[1], {"B4": "13/2024"})
    _edit(base / "in" / files[2], {"B5": "khoảng 200 hộ"}, size_zero=True)
    shutil.copy(base / "in" / files[0], base / "in" / "DS_XomLa_2024-05.xlsx")
    _edit(base / "in" / "DS_XomLa_2024-05.xlsx", {"B3": "Xóm Lạ"})
    execute(base / "in", base / "out", "2024-05")
    return openpyxl.load_workbook(base / "out" / "2024-05" / "TongHop_2024-05.xlsx")[SHEET]


def test_a_refused_hamlet_has_every_row_it_read_left_out(refused):
    # the counted list: its 4 households read, none left out (as before)
    assert _rows_of(refused, "DS_NaMon_2024-05.xlsx") == [(1, "Nà Mòn", 4, 0)]
    # refused for its period: its 5 households left out (before: 5 read, 0 left out)
    assert _rows_of(refused, "DS_KhauLang_2024-05.xlsx") == [(2, "Khau Lang", 5, 5)]
    # refused for its total: all 5, not the 1 row with an error of its own (before: 5, 1)
    assert _rows_of(refused, "DS_BanCo_2024-05.xlsx") == [(3, "Bản Cọ", 5, 5)]


def test_a_refused_list_among_the_other_files_has_every_row_left_out(refused):
    # Nà Mòn's 4 households under 'Xóm Lạ' (before: 4 read, 0 left out)
    assert _rows_of(refused, "DS_XomLa_2024-05.xlsx") == [(1, "Xóm Lạ", 4, 4)]
