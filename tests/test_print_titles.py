"""A commune of many hamlets (after the 2025 mergers, 30 to 60): a table of hamlets that
continues onto another printed page repeats its header there (the sheet's print titles),
where one range of rows a sheet can serve it (docs/decisions.md, session 16: continued
tables print their header)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from pipeline.run import execute
from pipeline.sample import generate_sample

INPUT = Path(__file__).resolve().parents[1] / "input"


def _consolidated(base: Path, input_dir: Path) -> Path:
    result = execute(input_dir, base / "output", None)[0]
    return base / "output" / result.period / f"TongHop_{result.period}.xlsx"


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    """The 60-hamlet sample's May workbook (`giamngheo sample DIR --hamlets 60`)."""
    base = tmp_path_factory.mktemp("many")
    generate_sample(base / "input", hamlets=60)
    return _consolidated(base, base / "input")


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    """The shipped 12-hamlet sample's May workbook."""
    return _consolidated(tmp_path_factory.mktemp("shipped"), INPUT)


def _rows(ws, col: int, text: str) -> list[int]:
    return [r for r in range(1, ws.max_row + 1) if ws.cell(r, col).value == text]


def _titles(path: Path) -> dict[str, str]:
    """Each sheet's _xlnm.Print_Titles as xl/workbook.xml defines it, by sheet name."""
    xml = zipfile.ZipFile(path).read("xl/workbook.xml").decode()
    names = re.findall(r'<sheet name="([^"]+)"', xml)
    found = re.findall(r'<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]+)<', xml)
    return {names[int(i)]: ref for i, ref in found}


def test_causes_subgroups_table_repeats_its_header_over_its_pages(many):
    """'Nguyên nhân': the subgroups table (two rows a hamlet, 120 rows) prints over four
    pages after its manual page break; its two header rows and column numbers are the
    sheet's print titles (the causes table above prints before them)."""
    ws = openpyxl.load_workbook(many)["Nguyên nhân"]
    heads = _rows(ws, 1, "STT")
    assert len(heads) == 2  # the causes table, the subgroups table
    sub = heads[1]
    assert ws.cell(sub - 1, 1).value.startswith("HỘ NGHÈO, HỘ CẬN NGHÈO THUỘC CÁC NHÓM")
    assert sub - 2 in {b.id for b in ws.row_breaks.brk}  # its title starts a page
    assert ws.print_title_rows == f"${sub}:${sub + 2}"
    assert ws.cell(sub + 2, 1).value == "A"  # the column numbers
    assert _titles(many)["Nguyên nhân"] == f"'Nguyên nhân'!${sub}:${sub + 2}"


def test_trend_hamlet_tables_repeat_their_header_over_their_pages(many):
    """'Xu hướng': the poor and near-poor hamlet tables share one header row (Xóm | Đầu năm
    | the months) and each continues onto a second page: the poor table's header row is
    the print title, after the commune's table and chart."""
    ws = openpyxl.load_workbook(many)["Xu hướng"]
    heads = _rows(ws, 1, "Xóm")
    assert len(heads) == 2
    assert [ws.cell(heads[0], c).value for c in (1, 2)] == ["Xóm", "Đầu năm"]
    assert [c.value for c in ws[heads[0]]] == [c.value for c in ws[heads[1]]]
    assert ws.print_title_rows == f"${heads[0]}:${heads[0]}"
    assert _titles(many)["Xu hướng"] == f"'Xu hướng'!${heads[0]}:${heads[0]}"


def test_movements_list_keeps_the_print_title(many):
    """'Biến động': the household list, last and longest, keeps its header as the title."""
    ws = openpyxl.load_workbook(many)["Biến động"]
    head = _rows(ws, 3, "Mã hộ")[0]
    assert ws.print_title_rows == f"${head}:${head}"


def test_shipped_sample_tables_fit_their_pages_and_repeat_nothing_more(shipped):
    """12 hamlets: the subgroups and hamlet tables fit a page each; no title is set."""
    book = openpyxl.load_workbook(shipped)
    assert book["Nguyên nhân"].print_title_rows is None
    assert book["Xu hướng"].print_title_rows is None
    assert {"Nguyên nhân", "Xu hướng"}.isdisjoint(_titles(shipped))
