"""Session 67 (helper B2), of B's Left in "Session 67: a household of a silent hamlet counted
elsewhere meanwhile, written now in its own hamlet under another code, …": a household that
moved out of its start list's hamlet and back to it under another code, its row noted
'Chuyển đến từ xóm …' naming the hamlet it comes from (or the hamlet it left writing it under
a move-out title), is a code change in the year's table, not an exit and a new household.

The small commune (tests.commune): NM4, NM5 (Hoàng Văn NM5, 1970) near-poor on Nà Mòn's start
list; the start list's near-poor: Nà Mòn 2, Bản Cọ 1, Đồng Kè 1. Nà Mòn sends every month
(loud). February: the three lists. March and April: Nà Mòn NM4 alone, Đồng Kè DK1, DK2 and
NM5 (Nà Mòn 2 − 1 moved out = 1, Đồng Kè 1 + 1 moved in = 2, the year's tables). May: Đồng
Kè DK1, DK2 (NM5's row deleted, no 'Thoát'); Nà Mòn NM4 and 'NM9' for NM5's own head (the
same name typed decomposed (NFD), the birth year as text, the same ID number), 'Ghi chú'
"Chuyển đến từ xóm Đồng Kè" (NFD too).

Worked by hand (CONTRACT §4.3; the note's rule, session 57 B3: `moves.moved_noted`):
* May's month tables (April's lists): the note tells the move: Đồng Kè near-poor 2 − 1 moved
  out = 1 ("Chuyển sang Nà Mòn"), Nà Mòn 1 + 1 moved in = 2 ("Chuyển đến từ Đồng Kè"); the
  commune 4 − 1 + 1 = 4. Nobody asked.
* May's year tables (the start list): NM5 was in Nà Mòn and is in Nà Mòn, under NM9 now (one
  head's name and birth year in one hamlet: paired by name, as the same lists without the note
  pair them): Nà Mòn 2 to 2, its 'code-changed' warning naming the start list; Đồng Kè 1 to
  1; the commune 4 to 4: nothing left the lists or joined them since January. Before: Nà Mòn
  2 − 1 exited + 1 new = 2 and its head asked to confirm NM5 gone ("có trong danh sách đầu năm
  … đã tính là thoát"), the commune exited 1 and new 1 for a household that never left a list:
  the note's pairing gave NM5 a place now in Nà Mòn (its own hamlet), which kept it out of the
  pairing by name of `figures.movements_of` and left it exited there.
* The same move told by a title instead (May: Đồng Kè writes NM5 under 'Hộ chuyển đi xóm Nà
  Mòn', NM9 has no note: `moves.said_moved_out_recoded`): the same tables, rows and warning;
  before, the same year's exit and new, NM5's head asked.
* June, the same lists (the note kept, or cleared): nothing moves in either table; the year's
  'code-changed' warning again (so before the change too).
* Nà Mòn silent in March and April instead (its May month table beside its February list, NM4
  and NM5): the month's tables tell what the loud March to May tables tell. Nà Mòn 2 − 1 moved
  out ("Chuyển sang Đồng Kè": NM5 counted there since, session 65 E2's rule) + 1 moved in
  ("Chuyển đến từ Đồng Kè": the note) = 2; Đồng Kè 2 − 1 moved out ("Chuyển sang Nà Mòn") = 1,
  nobody asked; the commune 5 (NM5 in both baselines, E2's) − 2 moved out + 1 moved in = 4.
  The year's as loud. Before: the note not read (`moves.moved_noted` took the hamlets left from
  the month's placement, which names Nà Mòn's February list alone): Nà Mòn 2 − 1 moved out + 1
  new = 2, Đồng Kè 2 − 1 exited = 1 and its head asked (session 67 B's pinned figures without
  a note). The same with the move told by Đồng Kè's title instead of the note: the same
  figures; before, Nà Mòn's NM9 new, not moved in (the title's pairing gave it the month's
  placement of NM5, Nà Mòn's February list)."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

from pipeline.run import execute
from tests.commune import new_commune, person, roster_edited, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session58_f_kept_recoded import said_of
from tests.test_session61_b_other_household_rows import asked_of, na_mon_with, near_of
from tests.test_session65_e2_moved_on_silent import near_totals

NM5 = person("NM5", "near_poor")
CODE_CHANGED = (
    "Mã hộ 'NM9' khác mã 'NM5' của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong danh "
    "sách đầu năm. Hộ được tính là một hộ: không tính là thoát hay phát sinh mới. Nếu ghi nhầm "
    "mã, hãy sửa lại cho đúng mã trong sổ của xã; nếu xã đã đổi mã cho hộ thì không cần sửa; "
    "nếu đây là hai hộ khác nhau, hãy ghi lại dòng của hộ mã 'NM5' với Phân loại hộ 'Thoát'."
)


def _nm9(note: str) -> dict:
    """NM5's head under Nà Mòn's new code NM9: NFD name, birth year as text, NM5's ID number."""
    return person("NM9", "near_poor", chu_ho=unicodedata.normalize("NFD", "Hoàng Văn NM5"),
                  nam_sinh="1970", so_dinh_danh=NM5["so_dinh_danh"],
                  ghi_chu=unicodedata.normalize("NFD", note) or None)  # fmt: skip


def _said(out, period: str) -> list[tuple]:
    return [row for row in said_of(out, period) if "NM5" in str(row) or "NM9" in str(row)]


def _to_april(tmp_path, silent: bool = False):
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-02",
              {"Nà Mòn": na_mon_with(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    for month in ("2024-03", "2024-04"):
        lists = {"Bản Cọ": bc_rows(), "Đồng Kè": [*dk_rows(), NM5]}
        moved = run_lists(folder, out, month,
                          lists if silent else {"Nà Mòn": na_mon_with(False), **lists})  # fmt: skip
        if not silent:
            assert near_of(moved["Nà Mòn"], "movements") == {"start": 2, "moved_out": 1, "end": 1}
        assert near_of(moved["Đồng Kè"], "movements") == {"start": 1, "moved_in": 1, "end": 2}
    return folder, out


def _to_may(tmp_path, silent: bool = False):
    folder, out = _to_april(tmp_path, silent)
    may = run_lists(folder, out, "2024-05", {
        "Nà Mòn": [*na_mon_with(False), _nm9("Chuyển đến từ xóm Đồng Kè")], "Bản Cọ": bc_rows(),
        "Đồng Kè": dk_rows()})  # fmt: skip
    return folder, out, may


def _may_figures(out, may: dict) -> None:
    """May: the year's tables Nà Mòn near-poor 2 to 2, Đồng Kè 1 to 1, the commune 4 to 4 (NM9
    the start list's NM5, its 'code-changed' warning); the month's Đồng Kè 2 − 1 moved out = 1,
    Nà Mòn 1 + 1 moved in = 2, the commune 4 − 1 + 1 = 4; 'Biến động' the month's two rows;
    nobody asked."""
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "end": 2}
    assert near_of(may["Đồng Kè"], "movements") == {"start": 1, "end": 1}
    assert near_totals(out, "2024-05", "movements") == {"start": 4, "end": 4}
    assert near_of(may["Nà Mòn"], "movements_month") == {"start": 1, "moved_in": 1, "end": 2}
    assert near_of(may["Đồng Kè"], "movements_month") == {"start": 2, "moved_out": 1, "end": 1}
    assert near_totals(out, "2024-05", "movements_month") == {
        "start": 4, "moved_out": 1, "moved_in": 1, "end": 4}  # fmt: skip
    assert [r for r in listed_movements(out, "2024-05") if r[1] in ("NM5", "NM9")] == [
        ("Nà Mòn", "NM9", "Chuyển đến từ Đồng Kè", "So với tháng trước"),
        ("Đồng Kè", "NM5", "Chuyển sang Nà Mòn", "So với tháng trước"),
    ]
    assert asked_of(out, "2024-05") == []
    assert _said(out, "2024-05") == [("Nà Mòn", "B9", "NM9", "code-changed", CODE_CHANGED)]


def test_a_household_noted_back_from_where_it_moved_is_a_code_change_in_the_years_table(
    tmp_path,
):
    """May, NM9 noted: `_may_figures`. Fails before (the year's Nà Mòn exited 1, new 1, NM5's
    head asked: "… có trong danh sách đầu năm … đã tính là thoát …")."""
    _, out, may = _to_may(tmp_path)
    _may_figures(out, may)


def _titled_may(tmp_path, silent: bool = False):
    folder, out = _to_april(tmp_path, silent)
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    lists = {"Nà Mòn": [*na_mon_with(False), _nm9("")], "Bản Cọ": bc_rows(),
             "Đồng Kè": [*dk_rows(), NM5]}  # fmt: skip
    sizes = {"Nà Mòn": 100, "Bản Cọ": 200, "Đồng Kè": 150}
    for n, (hamlet, rows) in enumerate(lists.items()):
        path = write_roster(folder, f"DS_{n}_2024-05.xlsx", hamlet, sizes[hamlet], rows,
                            "2024-05", date(2024, 6, 3))  # fmt: skip
    with roster_edited(path) as sheet:  # Đồng Kè's: the title above NM5, its row numbered 1
        at = 5 + len(dk_rows())
        sheet.insert_rows(at)
        sheet.cell(at, 1, "Hộ chuyển đi xóm Nà Mòn")
        sheet.cell(at + 1, 1, 1)
    execute(folder, out, "2024-05")
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    return out, {h["hamlet"]: h for h in summary["hamlets"]}


def test_a_household_said_moved_back_by_a_title_is_a_code_change_in_the_years_table(tmp_path):
    """May, Đồng Kè writes NM5 under 'Hộ chuyển đi xóm Nà Mòn' (its row numbered 1 below the
    title), NM9 has no note: `_may_figures`. Fails before as the note's."""
    _may_figures(*_titled_may(tmp_path))


def test_a_silent_hamlets_household_noted_back_is_moved_out_and_in_its_month_table(tmp_path):
    """Nà Mòn silent in March and April, NM9 noted in May: the month's Nà Mòn near-poor 2 − 1
    moved out + 1 moved in = 2 (beside February's list), Đồng Kè 2 − 1 moved out = 1, the
    commune 5 − 2 + 1 = 4; 'Biến động' three rows; nobody asked; the year's as loud. Fails
    before (Nà Mòn new 1, Đồng Kè exited 1 and asked)."""
    _silent_may_figures(*_to_may(tmp_path, silent=True)[1:])


def test_a_silent_hamlets_household_said_moved_back_by_a_title_is_moved_in_from_there(tmp_path):
    """Nà Mòn silent in March and April, May's move told by Đồng Kè's title (NM9 no note): as
    the note's. Fails before the month's placement is read (Nà Mòn new 1 for moved in 1)."""
    _silent_may_figures(*_titled_may(tmp_path, silent=True))


def _silent_may_figures(out, may: dict) -> None:
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "end": 2}
    assert near_of(may["Đồng Kè"], "movements") == {"start": 1, "end": 1}
    assert near_totals(out, "2024-05", "movements") == {"start": 4, "end": 4}
    assert near_of(may["Nà Mòn"], "movements_month") == {
        "start": 2, "moved_out": 1, "moved_in": 1, "end": 2}  # fmt: skip
    assert near_of(may["Đồng Kè"], "movements_month") == {"start": 2, "moved_out": 1, "end": 1}
    assert near_totals(out, "2024-05", "movements_month") == {
        "start": 5, "moved_out": 2, "moved_in": 1, "end": 4}  # fmt: skip
    assert [r for r in listed_movements(out, "2024-05") if r[1] in ("NM5", "NM9")] == [
        ("Nà Mòn", "NM5", "Chuyển sang Đồng Kè", "So với tháng 2/2024"),
        ("Nà Mòn", "NM9", "Chuyển đến từ Đồng Kè", "So với tháng 2/2024"),
        ("Đồng Kè", "NM5", "Chuyển sang Nà Mòn", "So với tháng trước"),
    ]
    assert asked_of(out, "2024-05") == []
    assert _said(out, "2024-05") == [("Nà Mòn", "B9", "NM9", "code-changed", CODE_CHANGED)]


def test_the_month_after_nothing_moves_note_kept_or_cleared(tmp_path):
    """June, the same lists, NM9's note kept, then (June run again) cleared: every table of
    Nà Mòn 2 to 2, Đồng Kè 1 to 1, the commune 4 to 4; the year's 'code-changed' warning alone.
    Passes before too (a guard)."""
    folder, out, _ = _to_may(tmp_path)
    for note in ("Chuyển đến từ xóm Đồng Kè", ""):
        june = run_lists(folder, out, "2024-06", {
            "Nà Mòn": [*na_mon_with(False), _nm9(note)], "Bản Cọ": bc_rows(),
            "Đồng Kè": dk_rows()})  # fmt: skip
        for scope in ("movements", "movements_month"):
            assert (note, scope, near_of(june["Nà Mòn"], scope)) == (
                note, scope, {"start": 2, "end": 2})  # fmt: skip
            assert (note, scope, near_of(june["Đồng Kè"], scope)) == (
                note, scope, {"start": 1, "end": 1})  # fmt: skip
            assert near_totals(out, "2024-06", scope) == {"start": 4, "end": 4}
        assert [r for r in listed_movements(out, "2024-06") if r[1] in ("NM5", "NM9")] == []
        assert _said(out, "2024-06") == [("Nà Mòn", "B9", "NM9", "code-changed", CODE_CHANGED)]
