"""Session 47: what the officer's look at the consolidated workbook left (docs/decisions.md,
'the consolidated and feedback workbooks as the officer prints them (QA)', Left).

'Nộp báo cáo' showed a refused list with its rows read and 'Số dòng bị loại' 0 (or only the
rows with an error of their own): the officer read "nothing rejected" beside "Bị từ chối".

'Nguyên nhân' left a merged hamlet whose list was sent apart (session 25) blank in both its
tables, with no note, where 'Thiếu hụt' shows its figures, outside the totals, and says why."""

from __future__ import annotations

import json
import re
import shutil

import openpyxl
import pytest

from pipeline.report.cells import MAX_SUM_PARTS, sum_formula
from pipeline.run import execute
from pipeline.sample import generate_sample
from schemas.columns import CAUSES, TARGET_GROUPS
from tests.test_session25_merged_figures import split_january_run
from tests.test_session47_office_look import merged_big, sum_recomputed  # noqa: F401 (used)

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


# --- 'Nguyên nhân': a hamlet shown but not summed ---------------------------------------------


def _rows_named(ws, hamlet: str) -> list[int]:
    """The rows whose 'Xóm' (column B) is ``hamlet``: its row of each table."""
    return [r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == hamlet]


def _totals(ws) -> list[int]:
    """The rows 'Tổng cộng' of the two tables (the second table's first, 'Hộ nghèo', row)."""
    return [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Tổng cộng"]


def _notes(ws, text: str) -> list[int]:
    return [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == text]


def test_causes_show_the_hamlet_whose_list_was_sent_apart_outside_the_totals(tmp_path):
    """Session 25's January: Nà Mòn counted (NM1-NM3 poor, NM4, NM5 near-poor); Bản Cọ, Đồng
    Kè folded in, sends its old list (BC1, BC2 poor, BC3 near-poor) and Đồng Kè's head his
    own, refused: Bản Cọ's figures lack them. Every household: 'Thiếu vốn', a Tày man."""
    _, out = split_january_run(tmp_path)
    book = out / "TongHop_2025-01.xlsx"
    ws = openpyxl.load_workbook(book)["Nguyên nhân"]
    cached = openpyxl.load_workbook(book, data_only=True)["Nguyên nhân"]
    totals = json.loads((out / "TongHop_2025-01.json").read_text(encoding="utf-8"))["totals"]
    (na_mon, na_mon_lists), (ban_co, ban_co_lists) = (
        _rows_named(ws, name) for name in ("Nà Mòn", "Bản Cọ")
    )
    total, lists_total = _totals(ws)
    # Table 1 (C: households on either list, D-K the causes, 'Thiếu vốn' in E, L-N the target
    # groups, O and P female heads): Bản Cọ's 3 households shown (before: blank) ...
    assert [ws.cell(ban_co, c).value for c in range(3, 17)] == [3, 0, 3] + [0] * 11
    # ... and not summed: the total is Nà Mòn's, the JSON's
    assert ws.cell(total, 5).value == f"=SUM(E{na_mon})"
    assert [cached.cell(total, c).value for c in range(3, 17)] == [5, 0, 5] + [0] * 11
    assert (totals["poor"] + totals["near_poor"], totals["causes"]["Thiếu vốn"]) == (
        5,
        {"poor": 3, "near_poor": 2},
    )
    # Table 2 (D the list's households, E ethnic minorities): Bản Cọ's poor (2) and near-poor
    # (1) shown (before: blank), not summed: the totals are Nà Mòn's (3 and 2), the JSON's
    shown = [ws.cell(ban_co_lists + j, c).value for j in (0, 1) for c in (3, 4, 5)]
    assert shown == ["Hộ nghèo", 2, 2, "Hộ cận nghèo", 1, 1]
    assert [ws.cell(lists_total + j, 4).value for j in (0, 1)] == [
        f"=SUM(D{na_mon_lists})",
        f"=SUM(D{na_mon_lists + 1})",
    ]
    summed = [cached.cell(lists_total + j, c).value for j in (0, 1) for c in (4, 5, 6)]
    assert summed == [3, 3, 100, 2, 2, 100]
    minorities = totals["subgroups"]["ethnic_minority"]
    assert (totals["poor"], minorities["poor"], totals["near_poor"], minorities["near_poor"]) == (
        3,
        3,
        2,
        2,
    )
    # under each table (after its own note), the note 'Thiếu hụt' has (before: none)
    note = (
        "Chưa đủ hộ: Bản Cọ (thiếu danh sách 'Đồng Kè') — số liệu của xóm thiếu các hộ của danh "
        "sách gửi riêng, bị từ chối (xem trang 'Nộp báo cáo'), nên không cộng vào dòng Tổng cộng."
    )
    assert _notes(ws, note) == [total + 2, lists_total + 3]


def test_a_sumif_past_the_limit_takes_off_the_rows_shown_but_not_summed():
    """31 poor rows two apart (0-based 10, 12, … 70, their label in C) with the row 40 shown
    between them: the SUMIF of the label less that row (before: the SUMIF alone)."""
    rows = list(range(10, 10 + 2 * (MAX_SUM_PARTS + 1), 2))
    only = (2, "Hộ nghèo")
    assert sum_formula(3, rows, only) == '=SUMIF(C11:C71,"Hộ nghèo",D11:D71)'
    assert sum_formula(3, rows, only, shown=[40]) == '=SUMIF(C11:C71,"Hộ nghèo",D11:D71)-SUM(D41)'
    # under the limit, only the rows summed are named
    assert sum_formula(3, rows[:3], only, shown=[11]) == "=SUM(D11,D13,D15)"


def _both(counts: dict) -> int:
    return counts["poor"] + counts["near_poor"]


def _first_table(figures: dict) -> list[int]:
    """A hamlet's (or the commune's) cells of table 1 from the JSON: households, the causes,
    the target groups over both lists, then female heads of each list."""
    female = figures["subgroups"]["female_head"]
    return [
        figures["poor"] + figures["near_poor"],
        *(_both(figures["causes"][cause]) for cause in CAUSES),
        *(_both(figures["target_groups"][group]) for group in TARGET_GROUPS),
        female["poor"],
        female["near_poor"],
    ]


def _sumif(values, text: str) -> int:
    """A total of table 2 past 30 pieces worked out from the cells it names:
    '=SUMIF(C95:C241,"Hộ nghèo",D95:D241)-SUM(D138)'."""
    whole = re.fullmatch(r'=SUMIF\((C\d+):(C\d+),"([^"]+)",([A-Z]+\d+):([A-Z]+\d+)\)'
                         r"(?:-SUM\(([A-Z0-9:,]+)\))?", text)  # fmt: skip
    assert whole, text
    labels = [c.value for row in values[f"{whole[1]}:{whole[2]}"] for c in row]
    summed = [c.value for row in values[f"{whole[4]}:{whole[5]}"] for c in row]
    # text counts for nothing, as in SUMIF (a hamlet not consolidated says "Chưa nộp" across
    # its counts: session 52)
    total = sum(v for label, v in zip(labels, summed, strict=True)
                if label == whole[3] and isinstance(v, int | float))  # fmt: skip
    if whole[6]:
        total -= sum(c.value or 0 for ref in whole[6].split(",") for c in _cells(values[ref]))
    return total


def _cells(found) -> list:
    return [c for row in found for c in row] if isinstance(found, tuple) else [found]


def test_causes_past_30_pieces_show_the_hamlet_apart(merged_big):  # noqa: F811 (the fixture)
    """70 hamlets, every other list missing, the 24th folded into the 22nd and its list
    refused (test_session47_office_look): past 30 pieces, table 1's totals sum ranges cut
    around the 22nd's row, table 2's sum their label less its rows."""
    into, summary, formulas, values = merged_big
    ws, shown_ws = formulas["Nguyên nhân"], values["Nguyên nhân"]
    figures = next(h for h in summary["hamlets"] if h["hamlet"] == into)
    assert figures["incomplete"]["reason"] == "merged-list-apart"
    row, lists = _rows_named(ws, into)
    # its figures shown (before: blank)
    assert [ws.cell(row, c).value for c in range(3, 17)] == _first_table(figures)
    assert [ws.cell(lists + j, 4).value for j in (0, 1)] == [figures["poor"], figures["near_poor"]]
    # the totals: the JSON's, worked out from the cells the formulas name, and as cached
    totals = summary["totals"]
    total, lists_total = _totals(ws)
    assert [sum_recomputed(shown_ws, ws.cell(total, c).value) for c in range(3, 17)] == (
        _first_table(totals)
    )
    assert [shown_ws.cell(total, c).value for c in range(3, 17)] == _first_table(totals)
    minorities = totals["subgroups"]["ethnic_minority"]
    for j, key in enumerate(["poor", "near_poor"]):
        cells = [ws.cell(lists_total + j, c).value for c in (4, 5)]
        assert cells[0].endswith(f"-SUM(D{lists + j})")  # its row taken off
        expected = [totals[key], minorities[key]]
        assert [_sumif(shown_ws, text) for text in cells] == expected
        assert [shown_ws.cell(lists_total + j, c).value for c in (4, 5)] == expected
    assert ws.cell(lists_total, 3).value == "Hộ nghèo"
