"""Session 20: household rows hidden in an .xls list (Excel 97-2003), by hand or by a filter,
are counted and said exactly as in an .xlsx (docs/decisions.md, session 19 and 20).

calamine says nothing of an .xls's hidden rows; ``pipeline.biff`` reads them from the ROW
records (option flag fDyZero, 0x20) of the 'Workbook' stream it already puts together for the
error cells, and a filter from the sheet's FILTERMODE / AUTOFILTER records and its
'_FilterDatabase' name. The .xls files are written by tests.biff from the xlsx fixtures of
tests.test_hidden_rows (nothing binary committed, no LibreOffice needed); one test has
LibreOffice convert a filtered list, skipped where it is not installed.
"""

from __future__ import annotations

import random
import shutil
import struct
import subprocess
from pathlib import Path

import openpyxl
import pytest

from pipeline import biff
from pipeline.checkfiles import check_files
from pipeline.run import collect, execute
from tests.biff import Filter, compound_file, xls_bytes, xls_from_xlsx
from tests.commune import clean_rosters, write_plan
from tests.test_hidden_rows import (
    HIDDEN_BY_HAND,
    filter_told_and_marked,
    filtered_template_list,
    hidden_told,
    na_mon_counts,
    three_households,
    write_na_mon_hidden,
)
from tests.test_hostile import fuzz_bytes
from tests.test_xls_errors import no_xlrd


def _as_xls(path: Path) -> Path:
    """The xlsx at ``path`` written as an .xls beside it (its hidden rows and AutoFilter as
    Excel writes them), the xlsx removed."""
    target = xls_from_xlsx(path, path.with_suffix(".xls"))
    path.unlink()
    return target


def test_hidden_households_of_an_xls_are_counted_and_told_as_an_xlsx_s(tmp_path):
    """Nà Mòn's messy list (tests.test_hidden_rows' layout) as .xls, its head having hidden
    NM5 and NM6 (rows 11-12) with the 'Cộng' row under them (13), NM4 (16), NM3 (19,
    'Thoát': not told), the section row 9, the blank row 22 and the signature's row 24.
    Counted by hand, hidden rows as any other: poor NM1, NM5, NM6 = 3; near-poor NM2, NM4 = 2.
    One warning at B11 (NM5's 'Mã hộ') naming 11–12 and 16, worded as for the xlsx; `check`
    says the same."""
    hidden = dict.fromkeys((9, 11, 12, 13, 16, 19, 22, 24), "collapse")
    path = _as_xls(write_na_mon_hidden(tmp_path / "vao", ".xlsx", hidden))
    stream = biff.workbook_stream(path.read_bytes())
    assert biff.hidden_rows(stream) == {
        "DS": [(8, 8, False), (10, 12, False), (15, 15, False), (18, 18, False),
               (21, 21, False), (23, 23, False)],
    }  # fmt: skip

    result, _, _ = execute(tmp_path / "vao", tmp_path / "ra", "2024-05")

    assert na_mon_counts(result) == (3, 2)
    mine = [i for i in result.issues if i.file == "NaMon.xls"]
    assert hidden_told(mine) == [("DS", 11, "B11", "Mã hộ", "các dòng 11–12, 16", "", "warning")]
    told = next(i for i in mine if i.code == "rows-hidden")
    assert told.message("vi") == HIDDEN_BY_HAND
    checked = check_files([path])
    assert hidden_told(checked) == hidden_told(mine)
    assert next(i for i in checked if i.code == "rows-hidden").message() == HIDDEN_BY_HAND


def test_hidden_rows_of_an_xls_holding_no_household_are_not_told(tmp_path):
    """Hidden: the section rows (9, 14), the 'Cộng' and 'Tổng cộng' rows (13, 17, 20, 21), the
    blank row 22, the signature block (23-25) and its signers' names (29); no household row.
    Nothing told; counted as without hiding: 3 poor, 2 near-poor."""
    hidden = dict.fromkeys((9, 13, 14, 17, 20, 21, 22, 23, 24, 25, 29), "collapse")
    path = _as_xls(write_na_mon_hidden(tmp_path / "vao", ".xlsx", hidden))
    assert biff.look(path).hidden_rows == {  # read (0-based), then passed over: no household
        "DS": [(8, 8, False), (12, 13, False), (16, 16, False), (19, 24, False), (28, 28, False)]
    }

    result, _, _ = execute(tmp_path / "vao", tmp_path / "ra", "2024-05")

    assert na_mon_counts(result) == (3, 2)
    assert hidden_told(result.issues) == []
    assert hidden_told(check_files([path])) == []


def test_rows_an_xls_filter_hides_are_told_as_filtered_and_marked_in_feedback(tmp_path):
    """The template list of Nà Mòn as .xls, filtered on 'Hộ nghèo' in 'Phân loại hộ' (FILTERMODE,
    AUTOFILTERINFO, AUTOFILTER; '_FilterDatabase' A4:Z9), which hides NM2 (row 6), NM4 (8) and
    NM5 (9, 'Thoát cận nghèo'). Counted by hand: poor NM1, NM3 = 2; near-poor NM2, NM4 = 2.
    Told once at B6 as the filter's, with the list's own exit word; the feedback's copy shows
    B6 yellow with the message as its note, and the guide lists it; `check` says the same."""
    path = _as_xls(filtered_template_list(tmp_path / "vao"))
    assert biff.look(path).hidden_rows == {"Danh sách": [(5, 5, True), (7, 8, True)]}

    result, _, _ = execute(tmp_path / "vao", tmp_path / "ra", "2024-05")

    filter_told_and_marked(result, tmp_path / "ra", path)


def test_one_row_hidden_by_hand_under_xls_filter_arrows_is_told_in_the_singular(tmp_path):
    """An AutoFilter with its arrows only (AUTOFILTERINFO, no column filtered) and NM3 (row 7)
    hidden by hand: 'dòng 7', variant 'one', not the filter's; counted: 2 poor, 1 near-poor."""
    path = three_households(tmp_path / "vao")
    book = openpyxl.load_workbook(path)
    book["Danh sách"].auto_filter.ref = "A4:Z7"
    book["Danh sách"].row_dimensions[7].hidden = True
    book.save(path)
    path = _as_xls(path)

    result, _, _ = execute(tmp_path / "vao", tmp_path / "ra", "2024-05")

    assert na_mon_counts(result) == (2, 1)
    assert hidden_told(result.issues) == [
        ("Danh sách", 7, "B7", "Mã hộ", "dòng 7", "one", "warning")
    ]
    told = next(i for i in result.issues if i.code == "rows-hidden")
    assert told.message("vi").startswith(
        "Trong danh sách có dòng 7 đang bị ẩn (Hide) nhưng vẫn là dòng hộ, nên xã vẫn đọc và "
        "tính hộ đó như mọi hộ khác. Nếu hộ đó đã ra khỏi danh sách, hãy ghi 'Thoát' ở cột "
        "'Phân loại hộ' của dòng đó"
    )
    assert hidden_told(check_files([path])) == hidden_told(result.issues)


def test_an_xls_without_hidden_rows_says_nothing_and_is_not_read_again(tmp_path, monkeypatch):
    """The fixture commune with Nà Mòn's clean list as .xls (every row's ROW record written,
    none flagged): no hidden row, no warning, no xlrd read; counted 3 poor, 2 near-poor."""
    write_plan(tmp_path)
    clean_rosters(tmp_path)
    path = _as_xls(tmp_path / "NaMon.xlsx")
    assert b"\x08\x02\x10\x00" in path.read_bytes()  # its ROW records
    asked = no_xlrd(monkeypatch)
    assert biff.look(path) == biff.Look({}, {})
    result, _ = collect(tmp_path, None)
    assert [i for i in result.issues if i.file == "NaMon.xls"] == []
    figures = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    assert (figures["poor"], figures["near_poor"]) == (3, 2)
    assert asked == []


# --- the stream, as bytes --------------------------------------------------------------------


def _sheets() -> list[tuple[str, dict]]:
    return [
        ("A", {(r, 0): f"a{r}" for r in range(10)}),
        ("B", {(r, c): r * 10 + c for r in range(12) for c in range(3)}),
    ]


def test_each_sheet_s_hidden_rows_and_its_filter_range_are_read_from_the_stream():
    """Sheet A: rows 2-3 and 7 hidden by hand. Sheet B: filtered over rows 3-8 (header row 3;
    '_FilterDatabase' A4:C9), rows 5, 6 and 10 hidden: 5-6 are the filter's, 10 (below its
    range) is not. Sheet B's arrows only: none is the filter's. A ROW record's bytes written as
    a text cell (a false hit, in the shared strings) hide nothing."""
    hidden = {"A": {2, 3, 7}, "B": {5, 6, 10}}
    applied = xls_bytes(_sheets(), hidden_rows=hidden, filters={"B": Filter((3, 8, 0, 2))})
    assert biff.hidden_rows(applied) == {
        "A": [(2, 3, False), (7, 7, False)],
        "B": [(5, 6, True), (10, 10, False)],
    }
    arrows = xls_bytes(_sheets(), hidden_rows=hidden, filters={"B": Filter((3, 8, 0, 2), False)})
    assert biff.hidden_rows(arrows)["B"] == [(5, 6, False), (10, 10, False)]
    fake = struct.pack("<HHHHHHHHI", 0x0208, 16, 1, 0, 1, 300, 0, 0, 0x0F0120)
    text = fake.decode("latin-1")
    sheets = [("A", {(0, 0): text, (1, 0): "x"})]
    stream = xls_bytes(sheets)
    assert fake in stream and biff.hidden_rows(stream) == {}


def test_a_filtered_sheet_without_its_range_takes_every_hidden_row_as_filtered():
    """A filter applied (FILTERMODE) whose '_FilterDatabase' name is not found (cut out): every
    hidden row of the sheet is said as the filter's, whose advice shows rows hidden either
    way, as a sheet holding an Excel Table in an xlsx."""
    stream = xls_bytes(_sheets(), hidden_rows={"B": {1, 10}}, filters={"B": Filter((3, 8, 0, 2))})
    name = stream.index(b"\x18\x00\x1b\x00")  # the NAME record, 27 bytes
    unnamed = stream[:name] + b"\xf0\x0f" + stream[name + 2 :]  # an unknown record now
    assert biff.hidden_rows(unnamed) == {"B": [(1, 1, True), (10, 10, True)]}


def test_damaged_streams_and_files_never_raise_and_end_quickly(tmp_path):
    """Seeded byte fuzzing of a workbook with hidden rows and a filter: 400 streams with bytes
    overwritten, the stream cut at every 5th byte, and 100 whole files damaged: the look at
    the bytes never raises, and what it finds is runs of rows within the sheet's reach (each
    walk bounded by the stream's length)."""
    import time

    hidden = {"A": {2, 3, 7}, "B": {5, 6, 10}}
    stream = xls_bytes(_sheets(), hidden_rows=hidden, filters={"B": Filter((3, 8, 0, 2))})
    rng = random.Random(20)
    started = time.monotonic()
    damaged = [fuzz_bytes(stream, rng) for _ in range(400)]
    damaged += [stream[:cut] for cut in range(0, len(stream), 5)]
    for data in damaged:
        for runs in biff.hidden_rows(data).values():
            assert all(0 <= a <= b <= 0xFFFF and f in (True, False) for a, b, f in runs)
    whole = compound_file(stream)
    for index in range(100):
        path = tmp_path / f"hong_{index}.xls"
        path.write_bytes(fuzz_bytes(whole, rng))
        assert isinstance(biff.look(path), biff.Look)
    assert time.monotonic() - started < 20


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_filtered_list_libreoffice_saved_as_xls(tmp_path):
    """The filtered template list of Nà Mòn (NM2, NM4, NM5 hidden by the filter; test above),
    saved as .xls by LibreOffice: the same records as tests.biff writes (ROW flags 0x20,
    FILTERMODE, '_FilterDatabase' A4:Z9), so the same warning and counts."""
    source = filtered_template_list(tmp_path / "src")
    folder = tmp_path / "vao"
    folder.mkdir()
    write_plan(folder)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xls", "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    assert biff.look(folder / "NaMon.xls").hidden_rows == {
        "Danh sách": [(5, 5, True), (7, 8, True)]
    }
    result, _, _ = execute(folder, tmp_path / "ra", "2024-05")
    assert na_mon_counts(result) == (2, 2)
    assert hidden_told(result.issues) == [
        ("Danh sách", 6, "B6", "Mã hộ", "các dòng 6, 8", "filter", "warning"),
    ]
