"""Where the printed pages of a written sheet start, worked out from the file alone (its column
widths, row heights, manual page breaks and print titles) as ``pipeline.report.styles`` estimates
them for Excel (pages of 96 % and 102 % of the nominal height) and LibreOffice (its smaller
scale), and what a page start may not do to a table: continue it without its header, print a
header twice in a row, or cut a merged range.

``python -m tests.printed_pages FILE.xlsx [SHEET …]`` prints what it finds."""

from __future__ import annotations

import re
import sys

import openpyxl
from openpyxl.utils import column_index_from_string

from pipeline.report.styles import (
    HEADER_FILL,
    LIBREOFFICE_SHARE,
    LIBREOFFICE_WIDTH,
    PAGE_HEIGHT_PT,
    PAGE_SHARES,
    ROW_HEIGHT_PT,
    print_scale,
)

XLSXWRITER_PAD = 0.7109375  # what XlsxWriter adds to a column width it writes
HEAD_FILL = "FF" + HEADER_FILL.lstrip("#").upper()


def _area(ws) -> tuple[int, int]:
    """The last row and column that print: the print area's ('Tổng hợp' keeps its chart's
    figures beside it), else the sheet's."""
    found = re.search(r"\$[A-Z]+\$\d+:\$([A-Z]+)\$(\d+)$", ws.print_area or "")
    if found is None:
        return ws.max_row, ws.max_column
    return int(found[2]), column_index_from_string(found[1])


def _widths(ws) -> list[float]:
    stored: dict[int, float] = {}
    for dim in ws.column_dimensions.values():
        if dim.width is not None and dim.min is not None:
            for col in range(dim.min, dim.max + 1):
                stored[col] = dim.width - XLSXWRITER_PAD
    return [stored.get(col, 8.43) for col in range(1, _area(ws)[1] + 1)]


def _titles(ws) -> tuple[int, int] | None:
    found = re.fullmatch(r"\$(\d+):\$(\d+)", ws.print_title_rows or "")
    return (int(found[1]), int(found[2])) if found else None


def page_starts(ws) -> list[list[int]]:
    """Each estimate's first rows of pages (1-based, the first page's 1 included)."""
    widths = _widths(ws)
    scale = print_scale(widths)
    capacities = [PAGE_HEIGHT_PT * share / scale for share in PAGE_SHARES]
    office = print_scale(widths, LIBREOFFICE_WIDTH)
    if office < scale:
        capacities.append(PAGE_HEIGHT_PT * LIBREOFFICE_SHARE / office)
    heights = [
        (ws.row_dimensions[r].ht if ws.row_dimensions[r].ht is not None else 15.0)
        for r in range(1, _area(ws)[0] + 1)
    ]
    breaks = {b.id + 1 for b in ws.row_breaks.brk}  # a break's id is the last row before it
    titles = _titles(ws)
    repeated = sum(heights[r - 1] for r in range(titles[0], titles[1] + 1)) if titles else 0.0
    layouts = []
    for capacity in capacities:
        used, starts = 0.0, [1]
        for r, h in enumerate(heights, start=1):
            if r in breaks or (used + h > capacity and r > starts[-1]):
                starts.append(r)
                # print titles print on the pages after the one holding them
                used = repeated if titles and r > titles[1] else 0.0
            used += h
        layouts.append(starts)
    return layouts


def rows_height(ws) -> float:
    """The height of the rows that print, in points, a row without a height of its own counted
    ``ROW_HEIGHT_PT`` and a hidden row not at all (as ``styles.one_page_when_it_fits``)."""
    dims = ws.row_dimensions
    return sum(
        0.0 if dims[r].hidden else dims[r].ht if dims[r].ht is not None else ROW_HEIGHT_PT
        for r in range(1, _area(ws)[0] + 1)
    )


def between_estimates(ws) -> tuple[float, float, float]:
    """(Excel's smaller page, the rows' height, its larger page), in the sheet's points at its
    print scale one page wide: a sheet whose rows fall between prints one page tall (session
    49)."""
    scale = print_scale(_widths(ws))
    smaller, larger = (PAGE_HEIGHT_PT * share / scale for share in PAGE_SHARES)
    return smaller, rows_height(ws), larger


def chart_rows(ws) -> list[tuple[int, int]]:
    """The first and last rows (1-based) each chart of the sheet covers, by its anchor."""
    return [(chart.anchor._from.row + 1, chart.anchor.to.row + 1) for chart in ws._charts]


def _kind(ws, r: int) -> str:
    """'head' (a header row or the column numbers under it), 'row' (a table's other rows),
    '' (a free line: titles, notes, blank rows, the signature)."""
    if is_header(ws, r):
        return "head"
    cell = ws.cell(r, 1)
    if cell.border is None or cell.border.left is None or cell.border.left.style is None:
        return ""
    return "row"


def is_header(ws, r: int) -> bool:
    """Whether row ``r`` is a header row (a cell with the header fill: the lower row of a
    two-row header has its first cells merged into the upper one) or the column numbers
    under one ('A | B | 1 | 2 | …', small italics)."""
    for c in range(1, _area(ws)[1] + 1):
        fill = ws.cell(r, c).fill
        if fill is not None and fill.fgColor is not None and fill.fgColor.rgb == HEAD_FILL:
            return True
    cell = ws.cell(r, 1)
    return cell.value == "A" and cell.font is not None and bool(cell.font.i) and cell.font.sz == 9


def _values(ws, r: int) -> list:
    return [ws.cell(r, c).value for c in range(1, _area(ws)[1] + 1)]


def problems(ws) -> list[str]:
    """What the page starts of any estimate do wrong to the sheet's tables and merges, and the
    pages they leave empty."""
    layouts = page_starts(ws)  # (before reading cells: reading one past the end adds a row)
    end = _area(ws)[0]
    kinds = {r: _kind(ws, r) for r in range(1, end + 1)}
    kinds[end + 1] = ""
    titles = _titles(ws)
    found: set[str] = set()
    merged = [(m.min_row, m.max_row) for m in ws.merged_cells.ranges if m.max_row > m.min_row]
    columns = _area(ws)[1]
    drawn = {r for first, last in chart_rows(ws) for r in range(first, last + 1)}
    for starts in layouts:
        for first, after in zip(starts, [*starts[1:], end + 1], strict=True):
            if all(r not in drawn and ws.cell(r, c).value is None for r in range(first, after)
                   for c in range(1, columns + 1)):  # fmt: skip
                found.add(f"row {first}: a page holds nothing (rows {first}-{after - 1})")
        for r in starts[1:]:
            before, kind = kinds[r - 1], kinds[r]
            for first, last in merged:
                if first < r <= last:
                    found.add(f"row {r}: a page starts inside the merged rows {first}-{last}")
            under_title = titles is not None and r > titles[1]
            if under_title:
                # the page's first table row, after its free lines
                first = r
                while not kinds[first] and first < end:
                    first += 1
                if kinds[first] == "head" and first > r:
                    found.add(f"row {r}: the print title prints over the header at {first}")
            if not before or not kind:
                continue  # the page does not continue a table
            if before == "head":
                found.add(f"row {r}: a page ends in or under a header ({r - 1})")
            elif kind == "head":
                if under_title:
                    found.add(f"row {r}: the print title prints over a header")
            elif not under_title:
                found.add(f"row {r}: a page continues a table without its header")
            else:
                # the print title serves the table that holds its rows, or one of its columns
                top = r
                while kinds[top - 1]:
                    top -= 1
                if (
                    kinds[top] == "head"
                    and not top <= titles[0]
                    and _values(ws, top) != _values(ws, titles[0])
                ):
                    found.add(f"row {r}: the print title ({titles[0]}) is another table's")
    return sorted(found, key=lambda text: int(text.split(":")[0][4:]))


SHEETS = ("Biến động", "Nguyên nhân", "Xu hướng")


def main(argv: list[str]) -> int:
    book = openpyxl.load_workbook(argv[0])
    bad = 0
    for name in argv[1:] or book.sheetnames:
        ws = book[name]
        found = problems(ws)
        pages = [len(starts) for starts in page_starts(ws)]
        print(f"{name}: pages {pages}, {len(found)} problems")
        for text in found:
            print("   ", text)
        bad += bool(found)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
