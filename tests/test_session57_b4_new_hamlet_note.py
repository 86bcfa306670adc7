"""Session 57 (helper B4): 'Biến động' says a hamlet new in the plan is new in it, not that it
sent no list last month (R7's Left of "Session 57: review of the noted-move and new-hamlet
changes"), and, where its tables start from none (D3's plan without a start list), that they
do. Session 56 M's households (tests.test_session56_m_small_merger) and D2's Lộc; April 2024
the first stored month (the 2024 plan's start list April's lists): Nà Mòn An, Cường poor, Bình,
Lộc near-poor; Đồng Kè Giang, Tám poor, Hải near-poor. May's plan adds Khuổi Hin, which lists
Lộc and Tám."""

from __future__ import annotations

from datetime import date

import openpyxl

from pipeline.report import movements
from pipeline.report.cells import line_room, merged_width
from pipeline.report.styles import text_units
from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import na_mon_rows
from tests.test_session56_m_small_merger import (
    AN,
    BINH,
    CUONG,
    GIANG,
    HAI,
    TAM,
    run_month,
    write_plans,
)
from tests.test_session57_d2_lists_alone_share import LOC
from tests.test_session57_d_small_merger_by_lists import plan_without_start_list

APRIL = {"Nà Mòn": [AN, BINH, CUONG, LOC], "Đồng Kè": [GIANG, HAI, TAM]}
MAY = {"Nà Mòn": [AN, BINH, CUONG], "Khuổi Hin": [LOC, TAM], "Đồng Kè": [GIANG, HAI]}

FROM_NONE = (
    "Tính từ 0: Khuổi Hin — xóm mới có trong kế hoạch từ tháng 5/2024, trước đó chưa có danh "
    "sách, nên bảng của xóm tính từ 0 (cột 1 và 12 bằng 0; hộ của xóm tính là chuyển đến từ "
    "xóm khác hoặc phát sinh mới)."
)
NEW_IN_PLAN = (
    "(*) So với danh sách trước đó của xóm: Khuổi Hin (danh sách đầu năm) — xóm mới có trong "
    "kế hoạch từ tháng 5/2024, kế hoạch tháng 4/2024 chưa có xóm này. Hộ chuyển đến Khuổi Hin "
    "là hộ mà danh sách tháng 4/2024 ghi ở xóm khác, nên không tính ở cột đầu kỳ của xóm."
)  # its second sentence: Lộc and Tám moved in (session 58, H2)


def _run(folder, out, period: str, lists: dict, prepared: date, lang: str) -> None:
    """As run_month, in ``lang``."""
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    for n, (hamlet, rows) in enumerate(lists.items()):
        write_roster(folder, f"DS_{n}_{period}.xlsx", hamlet, 100,
                     na_mon_rows(rows, hamlet=hamlet), period, prepared)  # fmt: skip
    execute(folder, out, period, lang=lang)


def _may(tmp_path, start_list: bool, lang: str = "vi"):
    """April run, May's plan (Khuổi Hin added; with the start list so, or without one), May
    run in ``lang``. Returns May's 'Biến động' sheet."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir(parents=True)
    write_plans(folder, {2024: APRIL})
    run_month(folder, out, "2024-04", APRIL, date(2024, 5, 3))
    if start_list:
        write_plans(folder, {2024: MAY})
    else:
        plan_without_start_list(folder, 2024, MAY)
    _run(folder, out, "2024-05", MAY, date(2024, 6, 3), lang)
    return openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")[movements.SHEET_NAMES[
        "movements"]]  # fmt: skip


def _notes(ws) -> list[tuple[int, str]]:
    """(row, text) of each note merged over A:N (the sections' notes)."""
    found = []
    for merged in ws.merged_cells.ranges:
        value = ws.cell(merged.min_row, 1).value
        if (merged.min_col, merged.max_col) == (1, 14) and isinstance(value, str):
            found.append((merged.min_row, value))
    return sorted(found)


def test_a_hamlet_new_in_a_plan_without_a_start_list_is_said_to_start_from_none(tmp_path):
    """May's plan without a start list: Khuổi Hin's tables start from none in both sections (D3:
    poor 0 + 1 moved in, near-poor 0 + 1), and nothing under them said so. Now each section
    says it, and nothing says it sent no list. The note is merged over A:N and measured there:
    its text is wider than one line of the range (83441 thousandths of an em, session 56 G)
    and narrower than two, so its row is two lines of 15 pt, 30."""
    ws = _may(tmp_path, start_list=False)
    notes = _notes(ws)
    said = [r for r, text in notes if text == FROM_NONE]
    assert len(said) == 2  # section I (from April, the year's first stored month) and II
    assert not [text for _, text in notes if "chưa nộp hoặc bị từ chối" in text]
    room = line_room(merged_width(movements.WIDTHS[:14]))
    assert room == 83441 and room < text_units(FROM_NONE, bold=False) < 2 * room
    assert [ws.row_dimensions[r].height for r in said] == [30, 30]


def test_a_hamlet_new_in_a_plan_with_a_start_list_is_said_new_not_unsent(tmp_path):
    """May's revised plan with a start list putting Lộc and Tám in Khuổi Hin: its month table
    compares with the start list (*). The note said "xóm không có danh sách được chấp nhận của
    tháng 4/2024 (chưa nộp hoặc bị từ chối)": untrue, April's plan had no Khuổi Hin. Now it says
    the hamlet is new in the plan since May. Its tables start from the start list, so no 'Tính
    từ 0' note; two lines at the range's width (session 56 G; one before H2's sentence)."""
    ws = _may(tmp_path, start_list=True)
    notes = _notes(ws)
    said = [r for r, text in notes if text == NEW_IN_PLAN]
    assert len(said) == 1
    assert not [text for _, text in notes if "chưa nộp" in text or text.startswith("Tính từ 0")]
    room = line_room(merged_width(movements.WIDTHS[:14]))
    # two lines since its second sentence (session 58, H2), its row two lines of 15 pt
    assert room < text_units(NEW_IN_PLAN, bold=False) < 2 * room
    assert ws.row_dimensions[said[0]].height == 30


def test_the_notes_in_english(tmp_path):
    """`--lang en`: the same notes in English, both cases."""
    ws = _may(tmp_path / "a", start_list=False, lang="en")
    assert [text for _, text in _notes(ws) if text.startswith("From 0")] == [
        "From 0: Khuổi Hin — new in the plan since 5/2024, with no list before, so its tables "
        "start from 0 (columns 1 and 12 are 0; its households count as moved in from another "
        "hamlet or new)."
    ] * 2
    ws = _may(tmp_path / "b", start_list=True, lang="en")
    assert [text for _, text in _notes(ws) if text.startswith("(*)")] == [
        "(*) Compared with the hamlet's list before: Khuổi Hin (the start-of-year list) — new in "
        "the plan since 5/2024, not in the plan of 4/2024. The households moved into Khuổi Hin "
        "are those the lists of 4/2024 had in another hamlet, so not in its start column."
    ]


def test_a_new_hamlet_silent_in_its_first_month_is_said_from_none_the_month_after(tmp_path):
    """R7's case: Khuổi Hin added by May's plan (no start list), silent in May (named missing),
    lists Lộc and Tám in June. June's tables from April (I) and May (II) start from none: both
    say so, new in the plan since May."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: APRIL})
    run_month(folder, out, "2024-04", APRIL, date(2024, 5, 3))
    plan_without_start_list(folder, 2024, MAY)
    run_month(folder, out, "2024-05", {"Nà Mòn": [AN, BINH, CUONG], "Đồng Kè": [GIANG, HAI]},
              date(2024, 6, 3))  # fmt: skip
    run_month(folder, out, "2024-06", MAY, date(2024, 7, 3))
    ws = openpyxl.load_workbook(out / "2024-06" / "TongHop_2024-06.xlsx")["Biến động"]
    assert [text for _, text in _notes(ws) if text.startswith("Tính từ 0")] == [FROM_NONE] * 2


def test_a_hamlet_of_the_plan_before_is_not_said_new(tmp_path):
    """A guard: Khuổi Hin in April's plan already (no list sent: named missing), May's plan
    without a start list: it held households no list told, no table (D3's guard); no note says
    it is new."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: {**APRIL, "Khuổi Hin": []}})
    run_month(folder, out, "2024-04", APRIL, date(2024, 5, 3))
    plan_without_start_list(folder, 2024, MAY)
    run_month(folder, out, "2024-05", MAY, date(2024, 6, 3))
    ws = openpyxl.load_workbook(out / "2024-05" / "TongHop_2024-05.xlsx")["Biến động"]
    notes = [text for _, text in _notes(ws)]
    assert not [text for text in notes if "xóm mới" in text]
    assert [text for text in notes if text.startswith("Để trống")] == [
        "Để trống: Khuổi Hin — xóm không có danh sách được chấp nhận của tháng 4/2024 (chưa nộp "
        "hoặc bị từ chối), nên không so sánh được; dòng Tổng cộng chỉ gồm các xóm có số liệu."
    ] * 2
