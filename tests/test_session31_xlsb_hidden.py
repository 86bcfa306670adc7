"""Session 31: household rows hidden in an .xlsb list (by hand or by a filter) are counted and
said exactly as in an .xlsx or .xls (docs/decisions.md, "Session 31: hidden rows in an .xlsb
list").

python-calamine says nothing of an .xlsb's hidden rows; ``pipeline.xlsbscan`` reads them from
the BrtRowHdr records (fDyZero, 0x10 of byte 11) of the sheet's part, found as calamine finds
it (its BrtBundleSh in 'xl/workbook.bin' and the relationship's target). The .xlsb files are
written by tests.xlsb from the xlsx fixtures of tests.test_hidden_rows (nothing binary
committed)."""

from __future__ import annotations

import random
import struct
import zipfile
from pathlib import Path

import openpyxl

from pipeline import xlsbscan
from pipeline.checkfiles import check_files
from pipeline.run import execute
from tests.test_hidden_rows import (
    HIDDEN_BY_HAND,
    filter_told_and_marked,
    filtered_template_list,
    hidden_told,
    na_mon_counts,
    three_households,
    write_na_mon_hidden,
)
from tests.xlsb import record, row_header, sheet_part, wide, xlsb_bytes, xlsb_from_xlsx


def _as_xlsb(path: Path, **options) -> Path:
    """The xlsx at ``path`` written as an .xlsb beside it, the xlsx removed."""
    target = xlsb_from_xlsx(path, path.with_suffix(".xlsb"), **options)
    path.unlink()
    return target


def _hidden(path: Path) -> dict[str, list]:
    with zipfile.ZipFile(path) as package:
        parts = xlsbscan.sheet_parts(package)
        return {name: xlsbscan.sheet_hidden_rows(package, parts, name) for name in parts}


def test_hidden_households_of_an_xlsb_are_counted_and_told_as_an_xlsx_s(tmp_path):
    """Nà Mòn's messy list (tests.test_hidden_rows' layout) as .xlsb, its head having hidden
    NM5 and NM6 (rows 11-12) with the 'Cộng' row under them (13), NM4 (16), NM3 (19,
    'Thoát': not told), the section row 9, the blank row 22 (no cell: a BrtRowHdr alone) and
    the signature's row 24. Counted by hand, hidden rows as any other: poor NM1, NM5, NM6 = 3;
    near-poor NM2, NM4 = 2. One warning at B11 (NM5's 'Mã hộ') naming 11–12 and 16, worded as
    for the xlsx; `check` says the same."""
    hidden = dict.fromkeys((9, 11, 12, 13, 16, 19, 22, 24), "collapse")
    path = _as_xlsb(write_na_mon_hidden(tmp_path / "vao", ".xlsx", hidden))
    assert _hidden(path) == {
        "DS": [(8, 8, False), (10, 12, False), (15, 15, False), (18, 18, False),
               (21, 21, False), (23, 23, False)],
        "Thông tin": [],
    }  # fmt: skip

    result, _, _ = execute(tmp_path / "vao", tmp_path / "ra", "2024-05")

    assert na_mon_counts(result) == (3, 2)
    mine = [i for i in result.issues if i.file == "NaMon.xlsb"]
    assert hidden_told(mine) == [("DS", 11, "B11", "Mã hộ", "các dòng 11–12, 16", "", "warning")]
    told = next(i for i in mine if i.code == "rows-hidden")
    assert told.message("vi") == HIDDEN_BY_HAND
    checked = check_files([path])
    assert hidden_told(checked) == hidden_told(mine)
    assert next(i for i in checked if i.code == "rows-hidden").message() == HIDDEN_BY_HAND


def test_hidden_rows_of_an_xlsb_holding_no_household_are_not_told(tmp_path):
    """Hidden: the section rows (9, 14), the 'Cộng' and 'Tổng cộng' rows (13, 17, 20, 21), the
    blank row 22, the signature block (23-25) and its signers' names (29); no household row.
    Nothing told; counted as without hiding: 3 poor, 2 near-poor."""
    hidden = dict.fromkeys((9, 13, 14, 17, 20, 21, 22, 23, 24, 25, 29), "collapse")
    path = _as_xlsb(write_na_mon_hidden(tmp_path / "vao", ".xlsx", hidden))
    assert _hidden(path)["DS"] == [
        (8, 8, False), (12, 13, False), (16, 16, False), (19, 24, False), (28, 28, False)
    ]  # fmt: skip

    result, _, _ = execute(tmp_path / "vao", tmp_path / "ra", "2024-05")

    assert na_mon_counts(result) == (3, 2)
    assert hidden_told(result.issues) == []
    assert hidden_told(check_files([path])) == []


def test_rows_an_xlsb_filter_hides_are_told_as_filtered_and_marked_in_feedback(tmp_path):
    """The template list of Nà Mòn as .xlsb, filtered on 'Hộ nghèo' in 'Phân loại hộ'
    (BrtBeginAFilter A4:Z9 holding a BrtBeginFilterColumn), which hides NM2 (row 6), NM4 (8)
    and NM5 (9, 'Thoát cận nghèo'). Counted by hand: poor NM1, NM3 = 2; near-poor NM2, NM4 = 2.
    Told once at B6 as the filter's, with the list's own exit word; the feedback's copy shows
    B6 yellow with the message as its note; `check` says the same."""
    path = _as_xlsb(filtered_template_list(tmp_path / "vao"))
    assert _hidden(path)["Danh sách"] == [(5, 5, True), (7, 8, True)]

    result, _, _ = execute(tmp_path / "vao", tmp_path / "ra", "2024-05")

    filter_told_and_marked(result, tmp_path / "ra", path)


def test_one_row_hidden_by_hand_under_xlsb_filter_arrows_is_told_in_the_singular(tmp_path):
    """An AutoFilter with its arrows only (BrtBeginAFilter, no column filtered) and NM3 (row 7)
    hidden by hand: 'dòng 7', variant 'one', not the filter's; counted: 2 poor, 1 near-poor."""
    path = three_households(tmp_path / "vao")
    book = openpyxl.load_workbook(path)
    book["Danh sách"].auto_filter.ref = "A4:Z7"
    book["Danh sách"].row_dimensions[7].hidden = True
    book.save(path)
    path = _as_xlsb(path)

    result, _, _ = execute(tmp_path / "vao", tmp_path / "ra", "2024-05")

    assert na_mon_counts(result) == (2, 1)
    assert hidden_told(result.issues) == [
        ("Danh sách", 7, "B7", "Mã hộ", "dòng 7", "one", "warning")
    ]
    assert hidden_told(check_files([path])) == hidden_told(result.issues)


def test_rows_hidden_in_an_xlsb_sheet_holding_an_excel_table_are_told_as_filtered(tmp_path):
    """The sheet holds an Excel Table (BrtListPart) and NM2 (row 6) is hidden: told as
    filtered ('filter-one'), as for the xlsx; counted: poor NM1, NM3 = 2, near-poor NM2 = 1."""
    path = three_households(tmp_path / "vao")
    book = openpyxl.load_workbook(path)
    book["Danh sách"].row_dimensions[6].hidden = True
    book.save(path)
    path = _as_xlsb(path, tables={"Danh sách"})

    result, _, _ = execute(tmp_path / "vao", tmp_path / "ra", "2024-05")

    assert na_mon_counts(result) == (2, 1)
    assert hidden_told(result.issues) == [
        ("Danh sách", 6, "B6", "Mã hộ", "dòng 6", "filter-one", "warning"),
    ]


def test_an_xlsb_without_hidden_rows_says_nothing(tmp_path):
    """The three-household list as .xlsb, no row hidden: the byte search finds nothing (its
    records are not walked), no warning; counted 2 poor, 1 near-poor."""
    path = _as_xlsb(three_households(tmp_path / "vao"))
    with zipfile.ZipFile(path) as package:
        part = package.read(xlsbscan.sheet_parts(package)["Danh sách"])
    assert xlsbscan._HIDDEN_ROW.search(part) is None

    result, _, _ = execute(tmp_path / "vao", tmp_path / "ra", "2024-05")

    assert na_mon_counts(result) == (2, 1)
    assert hidden_told(result.issues) == []


def _spanned_header(row: int, spans: int) -> bytes:
    """A hidden row's BrtRowHdr holding ``spans`` column spans (BrtColSpan, 8 bytes each), as
    Excel writes them: 17 + 8 x spans bytes."""
    data = struct.pack("<IIHBBBI", row, 0, 300, 0, 0x30, 0, spans)  # hidden, custom height
    return record(0x0000, data + struct.pack("<II", 0, 9) * spans)


def test_the_xlsb_scan_reads_row_headers_record_by_record():
    """Rows 2 and 3 (0-based 1, 2) hidden, row 5 (4) shown and holding a hidden row header's
    bytes in a text, which the walk passes over: one run (1, 2). A header with one column span
    (25 bytes) alone hidden is found; one with 15 (137 bytes, its size in two bytes) too. A
    sheet cut in the middle of a record stops there and keeps what came before."""
    strings: dict[str, int] = {}
    fake = row_header(9, True)  # the bytes of a hidden row 10, inside a text
    cells = {(0, 0): "a", (4, 0): fake.decode("latin-1")}
    body = sheet_part(cells, strings, hidden={1, 2})
    assert xlsbscan.hidden_rows(body) == [(1, 2, False)]
    shown = sheet_part(cells, strings)
    end = shown.rindex(record(0x0092))
    one_span = _spanned_header(3, 1)
    assert len(one_span) == 2 + 25
    assert xlsbscan.hidden_rows(shown[:end] + one_span + shown[end:]) == [(3, 3, False)]
    long_header = _spanned_header(7, 15)
    assert long_header[1:3] == b"\x89\x01"  # a size of 137 in two bytes
    assert xlsbscan.hidden_rows(shown[:end] + long_header + shown[end:]) == [(7, 7, False)]
    end = body.rindex(record(0x0092))
    body = body[:end] + long_header + body[end:]
    assert xlsbscan.hidden_rows(body) == [(1, 2, False), (7, 7, False)]
    cut = body[: body.index(long_header) + 5]
    assert xlsbscan.hidden_rows(cut) == [(1, 2, False)]
    # the walk finds nothing where the search's hit is not a row header
    assert xlsbscan.hidden_rows(record(0x0006, bytes(8) + fake)) == []
    assert xlsbscan.hidden_rows(shown) == []


def test_a_sheet_is_found_by_its_name_and_relationship_not_its_order(tmp_path):
    """workbook.bin names 'B' first, then 'A' hidden (hsState 1), a chart sheet without a
    relationship (strRelID null) between them: each name finds its own part."""
    data = xlsb_bytes([("B", {(0, 0): "b"}), ("A", {(0, 0): "a"})], hidden_rows={"A": {0}})
    path = tmp_path / "x.xlsb"
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as source:
        members = {name: source.read(name) for name in source.namelist()}
    book = record(0x0083) + record(0x008F)
    book += record(0x009C, struct.pack("<II", 0, 3) + wide(None) + wide("Chart"))
    book += record(0x009C, struct.pack("<II", 1, 2) + wide("rId2") + wide("A"))
    book += record(0x009C, struct.pack("<II", 0, 1) + wide("rId1") + wide("B"))
    members["xl/workbook.bin"] = book + record(0x0090) + record(0x0084)
    with zipfile.ZipFile(path, "w") as target:
        for name, content in members.items():
            target.writestr(name, content)
    assert _hidden(path) == {"A": [(0, 0, False)], "B": []}


def test_damaged_xlsb_parts_never_raise():
    """Seeded: 300 sheet parts with bytes overwritten or cut anywhere: the scan returns runs or
    nothing, never raises; workbook parts likewise give a dict."""
    rng = random.Random(31)
    strings: dict[str, int] = {}
    body = sheet_part({(r, c): f"v{r}{c}" for r in range(6) for c in range(3)}, strings, {2, 4})
    book = xlsb_bytes([("S", {(0, 0): 1.0})])
    with zipfile.ZipFile(__import__("io").BytesIO(book)) as package:
        workbook = package.read("xl/workbook.bin")
    for _ in range(300):
        damaged = bytearray(body)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        damaged = bytes(damaged[: rng.randrange(len(damaged) + 1)])
        assert isinstance(xlsbscan.hidden_rows(damaged), list)
        broken = bytearray(workbook)
        broken[rng.randrange(len(broken))] = rng.randrange(256)
        members = {"xl/workbook.bin": bytes(broken[: rng.randrange(len(broken) + 1)])}
        assert isinstance(_parts_of(members), dict)


def _parts_of(members: dict[str, bytes]) -> dict[str, str]:
    import io

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, content in members.items():
            package.writestr(name, content)
    with zipfile.ZipFile(out) as package:
        return xlsbscan.sheet_parts(package)


def test_a_hidden_hamlet_row_of_a_plan_saved_as_xlsb_is_left_out_too(tmp_path):
    """Session 24's plan (Nà Mòn, Khau Lang, Bản Cọ, and 'Nà Mòn 2' merged into Nà Mòn, its
    row 7 hidden by hand) as .xlsb: the hidden row is no plan hamlet and is said at A7, as for
    the .xlsx (tests.test_session24_plan_more)."""
    from pipeline.plan import load_plan
    from pipeline.read import open_workbook
    from tests.test_session24_plan import START, write_plan
    from tests.test_session24_plan_more import OLD, hide_old_row

    path = write_plan(tmp_path / "KeHoach_2024.xlsx", [*START, OLD], edit=hide_old_row)
    saved = _as_xlsb(path)
    assert _hidden(saved)["Chỉ tiêu theo xóm"] == [(6, 6, False)]
    plan, issues = load_plan(open_workbook(saved), saved.name)
    assert plan.hamlet_names == ["Nà Mòn", "Khau Lang", "Bản Cọ"]
    assert [(i.code, i.row, i.cell, i.value) for i in issues if i.code == "plan-hamlet-hidden"] == [
        ("plan-hamlet-hidden", 7, "A7", "Nà Mòn 2")
    ]
