"""'Nộp báo cáo' and 'Tổng hợp' on printed pages, for communes of 12 to 200 hamlets.

'Nộp báo cáo' holds two tables with one header (the hamlets, then 'Các tệp khác': another
month's lists, refused, damaged or skipped files). As the print title, that header printed
directly over the second table's own (20 and 47 hamlets), and the second table's header could end
a page with no row under it (13, 130, 200). Both tables now repeat the header in the sheet
where a page continues them, as 'Biến động' does. 'Tổng hợp' prints its short sections whole:
without the chart's page (over 60 hamlets) section II was split over pages one and two
(docs/decisions.md, session 17: 'Nộp báo cáo' and 'Tổng hợp' pages).

The pages are worked out from the written file by ``tests.printed_pages``."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from pipeline.run import execute
from pipeline.sample import generate_sample
from tests.printed_pages import is_header, page_starts, problems
from tests.test_report import written_with_hamlets

INPUT = Path(__file__).resolve().parents[1] / "input"
SHEETS = ("Nộp báo cáo", "Tổng hợp")


def _consolidated(base: Path, input_dir: Path) -> Path:
    result = execute(input_dir, base / "output", None)[0]
    return base / "output" / result.period / f"TongHop_{result.period}.xlsx"


def _add_other_files(folder: Path, count: int = 0) -> None:
    """What an officer's folder holds besides the lists: a list copied under another name, a
    damaged workbook, a Word file, a photo (and ``count`` notes)."""
    first = sorted(folder.glob("DS_*2024-05.xlsx"))[0]
    (folder / f"{first.stem}_T3ban_cu.xlsx").write_bytes(first.read_bytes())
    (folder / "DS_Hong_2024-05.xlsx").write_bytes(b"\x00\x13garbage" * 300)
    (folder / "ghi chu.docx").write_bytes(b"PK\x03\x04 not really a docx")
    (folder / "anh chup.jpg").write_bytes(b"\xff\xd8\xff\xe0 photo")
    for i in range(count):
        (folder / f"tep_{i:02d}.txt").write_text("x")


@pytest.fixture(scope="module")
def other_files(tmp_path_factory) -> Path:
    """A 20-hamlet commune's May workbook, its folder holding April's lists and other files:
    the print title printed over the 'Các tệp khác' header. April's 20 lists are one row since
    session 24: 19 notes keep the table at 24 rows, longer than a page with the signature."""
    base = tmp_path_factory.mktemp("other")
    generate_sample(base / "input", hamlets=20, seed=1)
    _add_other_files(base / "input", 19)
    return _consolidated(base, base / "input")


@pytest.fixture(scope="module")
def many_other_files(tmp_path_factory) -> Path:
    """13 hamlets, 60 files besides their lists: 'Các tệp khác' continues over a page."""
    base = tmp_path_factory.mktemp("many-other")
    generate_sample(base / "input", hamlets=13, seed=3, months=1)
    _add_other_files(base / "input", 60)
    return _consolidated(base, base / "input")


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    return _consolidated(tmp_path_factory.mktemp("shipped"), INPUT)


def _sections(ws) -> list[tuple[int, int]]:
    """'Tổng hợp''s sections: each title row ('I. …' … 'V. …') and its last row (before the
    first empty row under it)."""
    found = []
    for r in range(1, ws.max_row + 1):
        if re.match(r"(I|II|III|IV|V)\. ", str(ws.cell(r, 1).value or "")):
            last = r
            while any(ws.cell(last + 1, c).value is not None for c in range(1, 5)):
                last += 1
            found.append((r, last))
    return found


def _check(path: Path) -> None:
    book = openpyxl.load_workbook(path)
    for name in SHEETS:
        assert problems(book[name]) == [], name
    ws = book["Tổng hợp"]
    sections = _sections(ws)
    assert len(sections) == 5
    for starts in page_starts(ws):
        for first, last in sections:
            assert not [s for s in starts if first < s <= last], (first, last, starts)
    assert book["Nộp báo cáo"].print_title_rows is None


@pytest.mark.parametrize("count", [13, 20, 47, 61, 90, 130, 200])
def test_pages_of_reporting_and_summary_from_13_to_200_hamlets(tmp_path, count):
    """A commune like Nà Mòn of ``count`` hamlets, two files besides its lists: no page of
    'Nộp báo cáo' prints a header twice in a row or ends under one, none continues a table
    without its header; no section of 'Tổng hợp' is split. Before: 13, 130 and 200 hamlets
    ended a page under the 'Các tệp khác' header, 20 and 47 printed the title over it, and from
    61 'Tổng hợp' split section II."""
    _check(written_with_hamlets(tmp_path, count, f"pages-{count}.xlsx"))


def test_a_folder_with_other_files(other_files):
    """20 hamlets, April's lists (one row), four other files and 19 notes: the print title
    printed over the 'Các tệp khác' title and header where they started a page. The table (24
    rows) and the
    signature do not fit a page: it starts under the hamlets' and continues on the next page
    under its header written again."""
    _check(other_files)
    ws = openpyxl.load_workbook(other_files)["Nộp báo cáo"]
    title = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "CÁC TỆP KHÁC")
    assert is_header(ws, title + 1) and ws.row_dimensions[title + 1].ht == 30
    for starts in page_starts(ws):
        (inside,) = [s for s in starts if s > title]
        assert is_header(ws, inside) and ws.cell(inside, 1).value == "STT"
        assert ws.cell(inside + 1, 1).value == ws.cell(inside - 1, 1).value + 1


def test_other_files_longer_than_a_page_repeat_their_header(many_other_files):
    _check(many_other_files)
    ws = openpyxl.load_workbook(many_other_files)["Nộp báo cáo"]
    heads = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "STT"]
    assert len(heads) >= 3  # the hamlets', the other files', and that one again
    for starts in page_starts(ws):
        assert heads[-1] in starts
    # the files are numbered on under the repeated header
    assert ws.cell(heads[-1] + 1, 1).value == ws.cell(heads[-1] - 1, 1).value + 1


def test_the_shipped_sample(shipped):
    """12 hamlets: 'Các tệp khác' (April's 12 lists) prints whole with the signature on the
    second page, where it used to start at the foot of the first."""
    _check(shipped)
