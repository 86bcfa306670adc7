"""Session 66, review of F's counts and notes (RF): a count naming a hamlet the store or the
plan knows is a real merged-away subtotal, not said.

F's ``count-names-no-hamlet`` warned every count naming no plan hamlet that the reader takes out
(session 64 D's rule), the merged-away 'Cong Ban Co | 2 | … | 8' too: the month after a merger,
once a month and row, for a total the head wrote right. Where the store's months (this year's or
last year's) had a hamlet of that name, or the plan names it (a hidden hamlet's row, or a note
in brackets after the merged hamlet's name: 'Nà Mòn (ghép từ Bản Cọ)'), it is the old hamlet's
total: taken out, nothing said. A name nothing knows ('Cong Van Minh', a head Công typed without
marks) is still said (F's tests).

The small commune (tests.commune): April run with its three lists as their start rows (Nà Mòn
NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2 poor, BC3 near-poor; Đồng Kè DK1, DK2); May's
plan merges Bản Cọ into Nà Mòn (tests.commune.write_merged_plan), whose May list is rows 5-7
NM1-NM3, row 8 'Cong Na Mon | 3 | … | 12', rows 9-10 BC1, BC2, row 11 the count (4 people a
household).
"""

from __future__ import annotations

from datetime import date

import openpyxl

from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.run import collect
from tests.commune import new_commune, person, write_merged_plan, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists

NM = [person(f"NM{n}", "poor") for n in (1, 2, 3)]
FIVE = ["BC1", "BC2", "NM1", "NM2", "NM3"]


def _may(tmp_path, count_name: str, plan_name: str = "Nà Mòn", april: bool = True):
    """May's Nà Mòn list (the module's shape, row 11 '<count_name> | 2 | … | 8') read with the
    store April left (``april``: April run first) under the merged plan (the merged hamlet
    written ``plan_name``): what is said of the list (code, cell) and the codes read."""
    folder, out = new_commune(tmp_path)
    if april:
        run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(),
                                           "Đồng Kè": dk_rows()})  # fmt: skip
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    write_merged_plan(folder, plan_name)
    filler = person("ZZ9", "poor")
    rows = [*NM, filler, person("BC1", "poor"), person("BC2", "poor"), dict(filler)]
    path = write_roster(folder, "DS_NaMon.xlsx", "Nà Mòn", 300, rows, "2024-05", date(2024, 6, 3))
    book = openpyxl.load_workbook(path)
    sheet = book["Danh sách"]
    lines = {8: {3: "Cong Na Mon", 2: 3, 8: 12}, 11: {3: count_name, 2: 2, 8: 8}}
    for excel_row, cells in lines.items():
        for col in range(1, sheet.max_column + 1):
            sheet.cell(excel_row, col).value = cells.get(col)
    book.save(path)
    history = HistoryStore(out / HISTORY_FILE, read_only=True) if april else None
    result, _ = collect(folder, "2024-05", workers=0, history=history)
    said = [
        (i.code, i.cell)
        for i in result.issues
        if i.file == "DS_NaMon.xlsx" and i.code not in ("vanished-household", "total-far-from-plan")
    ]
    return said, sorted(str(code) for code in result.households["ma_ho"])


def test_a_count_naming_a_hamlet_the_store_had_is_not_said(tmp_path):
    """By hand: 'Cong Ban Co | 2 | … | 8' closes rows 9-10 (4 + 4 = 8 people, 2 households),
    a part bounded by Nà Mòn's count above: taken out (five households). April's stored month
    has a hamlet Bản Cọ: the old hamlet's total, nothing said. Before (F): said
    ``count-names-no-hamlet`` at C11."""
    assert _may(tmp_path, "Cong Ban Co") == ([], FIVE)


def test_a_count_naming_a_hamlet_the_plans_note_names_is_not_said(tmp_path):
    """No month stored; the plan writes the merged hamlet 'Nà Mòn (ghép từ Bản Cọ)': the same
    total, nothing said. Before (F): said at C11."""
    assert _may(tmp_path, "Cong xom Ban Co", "Nà Mòn (ghép từ Bản Cọ)", april=False) == (
        [],
        FIVE,
    )


def test_a_count_naming_what_nothing_knows_is_still_said(tmp_path):
    """Guard: with April stored, 'Cong Van Minh | 2 | … | 8' in its place: no hamlet of the
    plan nor of the store: still taken out and said at C11 (F's rule)."""
    assert _may(tmp_path, "Cong Van Minh") == ([("count-names-no-hamlet", "C11")], FIVE)


def test_with_nothing_stored_the_merged_away_count_is_still_said(tmp_path):
    """Guard: no month stored, the plan's name plain: nothing tells Bản Cọ's total from a
    head's row, said at C11 (as F's and the session 64-65 D tests)."""
    assert _may(tmp_path, "Cong Ban Co", april=False) == ([("count-names-no-hamlet", "C11")], FIVE)
