"""Session 59 (G): every row of 'Lỗi dữ liệu' says its issue in Vietnamese beside its code.

'Mã lỗi' is the catalogue's English code, the officer's reference (session 24); the row's
'Nội dung' is the Vietnamese message a leader reads. Guarded here: every code and variant has
a Vietnamese text of its own, and the sheet writes it on every row.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl

from pipeline.run import execute
from schemas.issues import CATALOGUE
from tests.commune import person, write_plan, write_roster
from tests.test_session23_rows import MAY

# A letter only Vietnamese writes (a tone mark or 'đ', 'ơ', 'ư', 'ă', 'â', 'ê', 'ô').
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")


def test_every_code_and_variant_has_a_vietnamese_text_of_its_own():
    texts = [
        (code, name, vi, en)
        for code, kind in CATALOGUE.items()
        for name, vi, en in (("", kind.vi, kind.en), *kind.variants)
    ]
    # the catalogue as merged in session 59 held 140 codes; more may come, each checked below
    assert len(CATALOGUE) >= 140 and len(texts) >= 3 * len(CATALOGUE)
    # Only the run's stops on a plan of another year and on giamngheo's own output folder given
    # as input (session 59 D), and on a folder whose only lists are in a hidden folder (session
    # 60 H), are their detail alone (the run's words, in both languages: a messages.Message);
    # they stop the run and are on no sheet.
    alone = [(code, name) for code, name, vi, en in texts if vi == en]
    assert sorted(alone) == [
        ("input-is-output", ""),
        ("no-files", "hidden-folder"),
        ("plan-of-other-year", ""),
    ]
    assert all(CATALOGUE[code].level == "run" for code, _ in alone)
    assert all(VIETNAMESE.search(vi) for code, name, vi, en in texts if vi != en)


def test_each_row_of_the_issues_sheet_says_its_issue_in_vietnamese(tmp_path: Path):
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    roster = write_roster(folder, "NaMon.xlsx", "Nà Mòn", 102, [person(c, s) for c, s in MAY])
    book = openpyxl.load_workbook(roster)
    ws = book["Danh sách"]
    ws["H6"], ws["D7"] = "bốn", 1850  # NM2's size, NM3's birth year
    book.save(roster)
    execute(folder, tmp_path / "out", "2024-05")
    sheet = openpyxl.load_workbook(tmp_path / "out" / "2024-05" / "TongHop_2024-05.xlsx")
    ws = sheet["Lỗi dữ liệu"]
    head = next(r for r in range(1, 20) if ws.cell(r, 10).value == "Mã lỗi")
    assert ws.cell(head, 11).value == "Nội dung"
    rows = [
        (ws.cell(r, 10).value, ws.cell(r, 11).value)
        for r in range(head + 1, ws.max_row + 1)
        if ws.cell(r, 1).value is not None
    ]
    codes = [code for code, _ in rows]
    assert {"invalid-household-size", "invalid-birth-year"} <= set(codes)
    assert all(code in CATALOGUE for code in codes)
    assert all(message and VIETNAMESE.search(message) for _, message in rows)
