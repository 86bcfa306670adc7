"""The household blocks (pipeline.report.bulk): the XML they write by hand must give the
same cells as xlsxwriter's own calls, and the private xlsxwriter parts they use must be
the pinned version's."""

from __future__ import annotations

import math
import zipfile
from datetime import datetime
from xml.etree import ElementTree

import openpyxl
import pytest
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from pipeline.report import bulk
from pipeline.report.bulk import Block, Column, add_block, fitted_heights, new_workbook
from pipeline.report.cells import fit_row

TEXTS = [
    "Nguyễn Văn An",
    "=SUM(A1:A2)",  # input text, never a formula
    "+84 912 345 678",
    "  leading and trailing  ",
    'a & b <c> "d"',
    "bell\x07 and _x0041_ literal",
    "line one\nline two",
    "tab\there",
    None,
    float("nan"),
    "",
    "x" * 40000,  # longer than Excel's 32,767 characters
    12.0,  # a number in a text column is written as text "12"
    "\U0001f600 emoji",
]
NUMBERS = [1, 2.5, 3.0, None, float("nan"), float("inf"), True, 10**17, -7, 0, 1985, 1e-7, 4, 5]


def _write(path, fast: bool, rows: int = 0) -> None:
    options = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    wb = new_workbook(str(path), options, rows) if fast else xlsxwriter.Workbook(str(path), options)
    # A fixed creation time: two writes a second apart would differ in docProps/core.xml only.
    wb.set_properties({"created": datetime(2024, 6, 3, 8, 0, 0)})
    text_fmt = wb.add_format({"border": 1, "text_wrap": True})
    num_fmt = wb.add_format({"border": 1, "num_format": "0"})
    ws = wb.add_worksheet("DS")
    ws.write_string(0, 0, "Title", text_fmt)
    ws.merge_range(1, 0, 1, 2, "", text_fmt)
    ws.write_formula(1, 0, "=SUM(C4:C17)", num_fmt, 9)
    ws.set_row(1, 30)
    n = len(TEXTS)
    heights = [None if i % 3 else 15.75 + i for i in range(n)]
    block = Block(
        3,
        [
            Column(list(range(1, n + 1)), num_fmt, "num"),
            Column(TEXTS, text_fmt),
            Column(NUMBERS, num_fmt, "num"),
            Column(["x" if i % 2 else "" for i in range(n)], None),
        ],
        heights,
    )
    add_block(ws, block)
    ws.write_string(3 + n + 1, 1, "Người lập biểu", text_fmt)
    ws.autofilter(2, 0, 3 + n - 1, 3)
    wb.close()


def _cells(path):
    wb = openpyxl.load_workbook(path)
    ws = wb["DS"]
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            style = (c.border.left.style, c.alignment.wrap_text, c.number_format)
            value = c.value
            if c.coordinate == "B9":
                # openpyxl decodes "_xHHHH_" escapes unlike Excel and LibreOffice (and
                # differently in shared and inline strings): compared as XML below.
                value = "_xHHHH_"
            cells[c.coordinate] = (value, c.data_type, style)
    heights = {r: d.height for r, d in ws.row_dimensions.items() if d.height}
    return cells, heights, ws.dimensions, ws.auto_filter.ref


def test_pinned_xlsxwriter():
    # A new xlsxwriter may change the private parts bulk.py uses: review bulk.py, then PINNED.
    assert xlsxwriter.__version__ == bulk.PINNED
    assert bulk.fast_path()
    for name in ("_write_rows", "_write_cell", "_prepare_formula", "_check_dimensions"):
        assert hasattr(Worksheet, name)
    for name in ("CellNumberTuple", "CellStringTuple", "CellBlankTuple"):
        assert hasattr(xlsxwriter.worksheet, name)


def test_block_gives_the_cells_xlsxwriter_gives(tmp_path):
    fast, slow = tmp_path / "fast.xlsx", tmp_path / "slow.xlsx"
    _write(fast, fast=True)
    _write(slow, fast=False)
    fast_cells, fast_heights, fast_dims, fast_filter = _cells(fast)
    slow_cells, slow_heights, slow_dims, slow_filter = _cells(slow)
    assert fast_cells == slow_cells
    assert fast_heights == slow_heights
    assert (fast_dims, fast_filter) == (slow_dims, slow_filter) == ("A1:D19", "A3:D17")
    # Spot checks of real values.
    assert fast_cells["B5"][:2] == ("=SUM(A1:A2)", "s")
    assert fast_cells["B7"][0] == "  leading and trailing  "
    assert fast_cells["B8"][0] == 'a & b <c> "d"'
    # The text with a control character is escaped exactly as xlsxwriter escapes it.
    with zipfile.ZipFile(fast) as z:
        inline = z.read("xl/worksheets/sheet1.xml").decode()
    with zipfile.ZipFile(slow) as z:
        shared = z.read("xl/sharedStrings.xml").decode()
    escaped = "<t>bell_x0007_ and _x005F_x0041_ literal</t>"
    assert escaped in inline and escaped in shared
    assert fast_cells["B12"][0] is None and fast_cells["B12"][2][0] == "thin"  # a bordered blank
    assert len(fast_cells["B15"][0]) == 32767
    assert fast_cells["B16"][0] == "12"
    assert [fast_cells[f"C{r}"][0] for r in range(4, 18)] == [
        1,
        2.5,
        3,
        None,
        None,
        None,
        None,
        1e17,
        -7,
        0,
        1985,
        1e-7,
        4,
        5,
    ]
    assert fast_heights[4] == 15.75 and fast_heights[7] == 18.75 and 5 not in fast_heights
    assert fast_cells["A2"][0] == "=SUM(C4:C17)"


def test_block_xml_is_well_formed_and_deterministic(tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    _write(first, fast=True)
    _write(second, fast=True)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
        formula_cells = ElementTree.fromstring(sheet).iter(
            "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}f"
        )
        assert [f.text for f in formula_cells] == ["SUM(C4:C17)"]
    assert b'<row r="4" ht="15.75" customHeight="1"><c r="A4" s="' in sheet
    assert b"<v>9</v>" in sheet  # the formula's cached value
    assert b'<t xml:space="preserve">  leading and trailing  </t>' in sheet


def test_cells_inside_a_block_are_refused(tmp_path):
    wb = new_workbook(str(tmp_path / "x.xlsx"), {})
    ws = wb.add_worksheet()
    add_block(ws, Block(2, [Column(["a", "b", "c"], None)]))
    ws.write_string(3, 0, "clash")
    with pytest.raises(ValueError, match="row 4"):
        wb.close()


@pytest.mark.parametrize(
    ("formula", "future"),
    [
        ("=SUM(A1:A3)", False),
        ("=IF(B2>0,A2/B2*100,0)", False),
        ("AND(ISNUMBER(B2),B2>=C2)", True),
        ("=XLOOKUP(A1,B:B,C:C)", False),
        ("=IFS(A1>0,1,TRUE,0)", True),
        ("=CONCAT(A1,B1)", True),
        ('=IF(A1="FILTER(",1,0)', False),
    ],
)
def test_formulas_are_prepared_as_xlsxwriter_prepares_them(formula, future):
    ours = bulk._Worksheet()
    theirs = Worksheet()
    assert ours._prepare_formula(formula, future) == theirs._prepare_formula(formula, future)


def test_fitted_heights_match_fit_row():
    texts = [
        "Nguyễn Văn An",
        "Thiếu vốn sản xuất; Thiếu đất sản xuất; Không có lao động",
        "a\nb\nc",
        "tab\tseparated\ttext that is long",
        None,
        math.nan,
        "word " * 200,
    ]

    class Rows:
        def __init__(self):
            self.heights = {}

        def set_row(self, row, height):
            self.heights[row] = height

    expected = Rows()
    for i, text in enumerate(texts):
        fit_row(expected, i, [(text, 22), ("short", 10)])
    got = fitted_heights([(texts, 22), (["short"] * len(texts), 10)], len(texts), None)
    assert {i: h for i, h in enumerate(got) if h is not None} == expected.heights
    assert got[0] is None and got[2] == 45.0 and got[6] == 409.0


def test_written_workbooks_leave_no_reference_cycle(tmp_path):
    # publish pauses the cycle collector while the files are written: what a written workbook
    # held must then be freed by its reference counts alone, or it stays until the run ends.
    import gc

    from pipeline.report.feedback import feedback_targets, write_feedback_file
    from pipeline.report.public_list import write_public_list
    from pipeline.report.workbook import write_consolidated
    from pipeline.run import collect
    from tests.test_feedback import build_commune

    build_commune(tmp_path / "input")
    result, _ = collect(tmp_path / "input", None)
    targets = list(feedback_targets(result))
    assert targets  # Nà Mòn's errors and the unknown hamlet: feedback files are written too
    (tmp_path / "out").mkdir()
    collecting = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        write_consolidated(result, tmp_path / "out" / "TongHop.xlsx")
        write_public_list(result, tmp_path / "out" / "NiemYet.xlsx")
        for target in targets:
            write_feedback_file(result, tmp_path / "out", target)
        assert gc.collect() == 0
    finally:
        if collecting:
            gc.enable()


def _write_repeats(path, fast: bool) -> None:
    # Values that repeat (each distinct one is made once), equal values of different types
    # (True == 1 == 1.0 in a dict, yet "True", "1" as text; a blank, 1 as numbers) and NaNs.
    texts = ["Thôn 1", "Thôn 1", None, "", 1, True, 1.0, "1", math.nan, "a & b", "a & b", " x "]
    numbers = [1, True, 1.0, None, math.nan, 2, 2, 2.5, 2.5, -0.0, 0, 10**17, 1e17, 3]
    same = ["Thôn 1", "Thôn 2", None, "a & b", " x "]
    n = 60
    wb = new_workbook(str(path), {}) if fast else xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": datetime(2024, 6, 3, 8, 0, 0)})
    fmt = wb.add_format({"border": 1})
    ws = wb.add_worksheet("DS")
    block = Block(
        1,
        [
            Column([texts[i % len(texts)] for i in range(n)], fmt),
            Column([numbers[i % len(numbers)] for i in range(n)], fmt, "num"),
            Column([same[i % len(same)] for i in range(n)], None),
            Column([(i % 4) * 1.5 for i in range(n)], fmt, "num"),
        ],
        [None if i % 3 else 20.0 for i in range(n)],
    )
    add_block(ws, block)
    wb.close()


def test_repeated_values_give_the_cells_xlsxwriter_gives(tmp_path, monkeypatch):
    fast, slow = tmp_path / "fast.xlsx", tmp_path / "slow.xlsx"
    monkeypatch.setattr(bulk, "CHUNK", 25)  # several chunks, the last one short
    _write_repeats(fast, fast=True)
    _write_repeats(slow, fast=False)
    assert _cells(fast) == _cells(slow)
    cells = _cells(fast)[0]
    assert [cells[f"A{r}"][0] for r in range(6, 9)] == ["1", "True", "1"]
    assert [cells[f"B{r}"][0] for r in range(2, 5)] == [1, None, 1]


def test_blocks_streamed_into_the_zip_give_the_same_file(tmp_path, monkeypatch):
    # A large workbook is assembled on disk; its blocks' rows are made while it is zipped.
    streamed, written = tmp_path / "streamed.xlsx", tmp_path / "written.xlsx"
    monkeypatch.setattr(bulk, "CHUNK", 5)
    monkeypatch.setattr(bulk, "COPY_CHUNK", 100)  # the part's pieces copied in several reads
    _write(streamed, fast=True, rows=10**6)
    monkeypatch.setattr(bulk, "_can_stream", lambda: False)
    _write(written, fast=True, rows=10**6)
    assert streamed.read_bytes() == written.read_bytes()
    assert _cells(streamed) == _cells(tmp_path / "written.xlsx")
