"""A commune of many hamlets (after the 2025 mergers, 25 to 60, a district at once some hundreds):
a table of hamlets that continues onto another printed page starts that page with its header.
'Biến động', 'Nguyên nhân' and 'Xu hướng' hold several tables, and a sheet's one range of print
titles cannot serve them all: their hamlet tables repeat their header rows in the sheet, where a
manual page break starts the page in Excel's and LibreOffice's pagination alike; the totals sum
the hamlet rows only (docs/decisions.md, session 17: continued tables keep their header).

The pages are worked out from the written file by ``tests.printed_pages``."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from pipeline.report.cells import MAX_SUM_PARTS
from pipeline.run import execute
from pipeline.sample import generate_sample
from tests.printed_pages import SHEETS, is_header, page_starts, problems
from tests.test_report import written_with_hamlets

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
def two_months(tmp_path_factory) -> Path:
    """A 40-hamlet commune's May workbook run after April's: 'Biến động' has its two sections
    (since the start of the year, since last month), four hamlet tables."""
    base = tmp_path_factory.mktemp("two")
    generate_sample(base / "input", hamlets=40, seed=7)
    execute(base / "input", base / "output", "2024-04")
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


@pytest.mark.parametrize("book", ["shipped", "many", "two_months"])
def test_every_continued_table_starts_its_page_with_its_header(book, request):
    """In each estimate of the pages (Excel's, LibreOffice's), a page that continues a table
    of the three sheets starts with the table's header rows, no header prints twice in a row
    or at a page's foot, and no page starts inside merged rows (a hamlet's two rows of
    'Nguyên nhân', a two-row header). Before: 40 hamlets, 'Biến động' page 7 began with
    "30 Khau Mòn …", and 'Nguyên nhân' split hamlets' two rows."""
    path = request.getfixturevalue(book)
    sheets = openpyxl.load_workbook(path)
    for name in SHEETS:
        assert problems(sheets[name]) == [], name


@pytest.mark.parametrize("count", [13, 25, 38, 60, 90, 130, 200])
def test_continued_tables_keep_their_header_from_13_to_200_hamlets(tmp_path, count):
    """A commune of ``count`` hamlets like Nà Mòn, with last month's section and table IV."""
    path = written_with_hamlets(tmp_path, count, "many.xlsx")
    sheets = openpyxl.load_workbook(path)
    for name in SHEETS:
        ws = sheets[name]
        assert problems(ws) == [], (count, name)
        # From 38 hamlets every table prints over more than one page: headers repeat.
        heads = len(_rows(ws, 1, "Xóm" if name == "Xu hướng" else "STT"))
        assert count < 38 or heads > {"Biến động": 5, "Nguyên nhân": 2, "Xu hướng": 2}[name]


def _header_rows(ws) -> set[int]:
    """The rows of the sheet's header cells (the blue fill) and column numbers (A, B, …)."""
    return {r for r in range(1, ws.max_row + 1) if is_header(ws, r)}


_PART = re.compile(r"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?")


def test_totals_sum_the_hamlet_rows_and_never_a_repeated_header(two_months, many):
    """Each total of the hamlet tables is the sum of its table's hamlet rows (the cached
    value, the JSON's, and what the formula names), and its SUM names none of the repeated
    header rows, whose column numbers are text besides."""
    for path in (two_months, many):
        formulas = openpyxl.load_workbook(path)
        values = openpyxl.load_workbook(path, data_only=True)
        for name in ("Biến động", "Nguyên nhân"):
            ws, shown = formulas[name], values[name]
            heads = _header_rows(ws)
            numbers = [(r, c) for r in heads for c in range(1, ws.max_column + 1)
                       if isinstance(ws.cell(r, c).value, (int, float))]  # fmt: skip
            assert numbers == [], name
            totals = [r for r in range(1, ws.max_row + 1)
                      if str(ws.cell(r, 4).value).startswith("=SUM")]  # fmt: skip
            assert len(totals) >= 2, name
            for total in totals:
                rows = _table_rows(ws, heads, total)
                label = ws.cell(total, 3).value  # the subgroup totals sum one list's rows
                if label in ("Hộ nghèo", "Hộ cận nghèo"):
                    rows = [r for r in rows if ws.cell(r, 3).value == label]
                for col in range(4, ws.max_column + 1):
                    text = ws.cell(total, col).value
                    if not (isinstance(text, str) and text.startswith("=SUM")):
                        continue
                    if text.startswith("=SUM("):
                        parts = text[5:-1].split(",")
                        assert len(parts) <= MAX_SUM_PARTS
                        named = set()
                        for part in parts:
                            _, first, _, last = _PART.fullmatch(part).groups()
                            named.update(range(int(first), int(last or first) + 1))
                        assert not named & heads, (name, total, col, text)
                    want = sum(shown.cell(r, col).value or 0 for r in rows)
                    assert shown.cell(total, col).value == want, (name, total, col)


def _table_rows(ws, heads: set[int], total: int) -> list[int]:
    """The hamlet rows of the table whose total is at ``total``: up from it to the table's
    first header, past the headers repeated on its pages."""
    rows = []
    r = total - 1
    if ws.cell(total - 1, 1).value == "Tổng cộng":  # the subgroups' second total row
        r -= 1
    while r > 0 and (r in heads or _in_table(ws, r)):
        if r not in heads and ws.cell(r, 1).value != "Tổng cộng":
            rows.append(r)
        r -= 1
    return rows


def _in_table(ws, r: int) -> bool:
    border = ws.cell(r, 1).border
    return border is not None and border.left is not None and border.left.style is not None


def test_causes_and_trend_repeat_no_print_titles(many, shipped):
    """'Nguyên nhân' and 'Xu hướng' repeat their headers in the sheet, not as print titles
    (which printed over the near-poor table's own header, and could serve one table of two);
    'Biến động' keeps its household list's header as the title: the list prints last and its
    pages break where the program puts them."""
    for path in (many, shipped):
        book = openpyxl.load_workbook(path)
        assert book["Nguyên nhân"].print_title_rows is None
        assert book["Xu hướng"].print_title_rows is None
        assert {"Nguyên nhân", "Xu hướng"}.isdisjoint(_titles(path))
        ws = book["Biến động"]
        head = _rows(ws, 3, "Mã hộ")[0]
        assert ws.print_title_rows == f"${head}:${head}"


def test_a_continued_table_breaks_at_the_same_row_in_every_estimate(many):
    """The pages of the hamlet tables start at manual breaks, so Excel's pages (of 96 % and
    102 % of the height) and LibreOffice's (at its smaller scale) start at the same rows
    there: the repeated header is at the top of the page in each."""
    for name in ("Biến động", "Nguyên nhân"):
        ws = openpyxl.load_workbook(many)[name]
        heads = _header_rows(ws)
        repeated = [r for r in heads if r - 1 not in heads and _in_table(ws, r - 1)]
        assert repeated, name
        for starts in page_starts(ws):
            assert set(repeated) <= set(starts), name


def test_the_same_commune_gives_the_same_bytes(tmp_path):
    a = written_with_hamlets(tmp_path, 60, "a.xlsx").read_bytes()
    assert a == written_with_hamlets(tmp_path, 60, "b.xlsx").read_bytes()
