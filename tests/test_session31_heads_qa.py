"""Session 31 (helper C3): fresh-eyes QA of a hamlet head's list after the session's reading
changes (move-out parts), each finding pinned by a small fixture worked out by hand."""

from __future__ import annotations

from datetime import date

from pipeline.run import collect
from tests.commune import person
from tests.summaries import hamlet_figures
from tests.test_session30_c_heads_lists import with_titles

# --- 1. a household the list says moved to another hamlet, that hamlet not listing it ---------

# The plan's start list (tests.commune.start_list): Nà Mòn NM1, NM2, NM3 poor, NM4, NM5
# near-poor. Nà Mòn's May list: NM1 poor, NM2 near-poor, NM4 near-poor, NM5 poor, NM6 poor
# (rows 5–9, _with_titles' OWN), then the title in A10 over NM3 (poor), numbered 1 (the part's
# own numbering: wholly taken out, session 30).


def moves(hamlet: dict, scope: str = "movements") -> dict:
    return {k: {m: n for m, n in v.items() if n} for k, v in hamlet[scope].items()}


def _na_mon_moves_nm3(tmp_path, title: str):
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [(title, [person("NM3", "poor")])], restart=True)
    result, _ = collect(folder, None, workers=0)
    return result


def test_a_household_moved_to_a_hamlet_that_does_not_list_it_is_moved_out_not_exited(tmp_path):
    """Before: NM3, written by the head under 'Hộ chuyển đi xóm Bản Cọ', was counted as
    having left the lists ('exited', thoát nghèo) and a 'vanished-household' warning said it
    was not in the list and was counted as exited. Now it moved out: poor start 3 − 1 to
    near-poor (NM2) − 1 moved out (NM3) + 1 from near-poor (NM5) + 1 new (NM6) = 3 (NM1, NM5,
    NM6); near-poor start 2 (NM4, NM5) − 1 to poor + 1 from poor = 2. Nothing vanished; the
    row itself is said once (rows-moved-away)."""
    result = _na_mon_moves_nm3(tmp_path, "Hộ chuyển đi xóm Bản Cọ")
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert moves(na_mon)["poor"] == {
        "start": 3, "to_near_poor": 1, "moved_out": 1, "from_near_poor": 1, "new": 1, "end": 3
    }  # fmt: skip
    assert moves(na_mon)["near_poor"] == {"start": 2, "to_poor": 1, "from_poor": 1, "end": 2}
    assert [i.value for i in result.issues if i.code == "vanished-household"] == []
    assert [(i.code, i.cell, i.detail) for i in result.issues if i.code.startswith("rows-")] == [
        ("rows-moved-away", "A10", "11")
    ]
    # ... and that Bản Cọ has not written it is said once (not for the year and the month), at
    # its row's STT cell (row 11, under the title in A10)
    told = [i for i in result.issues if i.code == "moved-not-listed"]
    assert [(i.hamlet, i.sheet, i.cell, i.value, i.instead) for i in told] == [
        ("Nà Mòn", "Danh sách", "A11", "NM3 (Hoàng Văn NM3)", "Bản Cọ")
    ]
    assert (
        told[0]
        .message()
        .startswith(
            "Hộ NM3 (Hoàng Văn NM3) được ghi dưới tiêu đề chuyển đi xóm Bản Cọ nhưng danh sách kỳ "
            "này của xóm Bản Cọ không có hộ đó"
        )
    )


def test_a_household_moved_to_a_hamlet_that_lists_it_is_told_nothing_more(tmp_path):
    """Bản Cọ lists NM3 (its own BC1, BC2 poor, BC3 near-poor, then NM3 poor): Nà Mòn's NM3
    moved out and Bản Cọ's moved in (poor: start 2 + 1 moved in = 3), nothing more said."""
    from tests.test_session31_lists import write_ban_co_moved

    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [("Hộ chuyển đi xóm Bản Cọ", [person("NM3", "poor")])], restart=True)
    write_ban_co_moved(folder, [person("NM3", "poor")])
    result, _ = collect(folder, None, workers=0)
    assert moves(hamlet_figures(result, "Nà Mòn"))["poor"]["moved_out"] == 1
    assert moves(hamlet_figures(result, "Bản Cọ"))["poor"] == {"start": 2, "moved_in": 1, "end": 3}
    assert [i for i in result.issues if i.code in ("moved-not-listed", "vanished-household")] == []


def test_a_household_moved_out_of_the_commune_is_still_exited(tmp_path):
    """'Hộ chuyển khỏi xã' names no hamlet of the commune: NM3 has left the lists, as before
    (poor: 3 − 1 − 1 exited + 1 + 1 = 3), and the head is asked to confirm it."""
    result = _na_mon_moves_nm3(tmp_path, "Hộ chuyển khỏi xã")
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert moves(na_mon)["poor"] == {
        "start": 3, "to_near_poor": 1, "exited": 1, "from_near_poor": 1, "new": 1, "end": 3
    }  # fmt: skip
    assert [i.value for i in result.issues if i.code == "vanished-household"] == [
        "NM3 (Hoàng Văn NM3)"
    ]
    assert [i for i in result.issues if i.code == "moved-not-listed"] == []


def test_a_household_new_this_month_said_moved_and_not_listed_is_told_too(tmp_path):
    """NM9 (poor, on no list before: not on the start list) under 'Hộ chuyển đi xóm Bản Cọ',
    Bản Cọ not listing it: it is in no hamlet's figures (Nà Mòn 3 poor: NM1, NM5, NM6; no
    movement of NM9 — nothing to move out of) and still said at its row, A11, so that Bản Cọ
    writes it. NM3, left off the list without a word, is asked about as before."""
    folder = tmp_path / "input"
    folder.mkdir()
    with_titles(folder, [("Hộ chuyển đi xóm Bản Cọ", [person("NM9", "poor")])], restart=True)
    result, _ = collect(folder, None, workers=0)
    na_mon = hamlet_figures(result, "Nà Mòn")
    assert (na_mon["poor"], na_mon["near_poor"]) == (3, 2)
    assert moves(na_mon)["poor"] == {
        "start": 3, "to_near_poor": 1, "exited": 1, "from_near_poor": 1, "new": 1, "end": 3
    }  # fmt: skip
    told = [(i.cell, i.value, i.instead) for i in result.issues if i.code == "moved-not-listed"]
    assert told == [("A11", "NM9 (Hoàng Văn NM9)", "Bản Cọ")]
    assert [i.value for i in result.issues if i.code == "vanished-household"] == [
        "NM3 (Hoàng Văn NM3)"
    ]


# --- 2. the month after: the household said moved, now listed by the hamlet it went to -------

# Three months of the small commune (tests.commune: Nà Mòn NM1-3 poor, NM4-5 near-poor on the
# start list; Bản Cọ BC1-2 poor, BC3 near-poor; Đồng Kè sends nothing). April: every household
# where the start list has it. May: Nà Mòn lists NM1, NM2 (poor), NM4 (near-poor), then
# 'Hộ chuyển đi xóm Bản Cọ' over NM3 (poor) and NM5 (near-poor), numbered 1, 2; Bản Cọ does
# not write them yet (moved-not-listed). June: Bản Cọ lists them, Nà Mòn no longer does.


def month_lists(folder, period: str, na_mon: list, ban_co: list, moved: list = ()) -> None:
    from tests.commune import roster_edited, write_roster

    prepared = date(int(period[:4]), int(period[5:]) + 1, 3)
    path = write_roster(folder, f"NaMon_{period}.xlsx", "Nà Mòn", 102, na_mon + list(moved),
                        period=period, prepared=prepared)  # fmt: skip
    write_roster(folder, f"BanCo_{period}.xlsx", "Bản Cọ", 200, ban_co, period=period,
                 prepared=prepared)  # fmt: skip
    if moved:  # the title row over the moved ones, numbered from 1 (wholly taken out)
        with roster_edited(path) as sheet:
            at = 5 + len(na_mon)
            sheet.insert_rows(at)
            sheet.cell(at, 1, "Hộ chuyển đi xóm Bản Cọ")
            for number in range(1, len(moved) + 1):
                sheet.cell(at + number, 1, number)


def _three_months(tmp_path, said_at_once: bool = False):
    """April, May, June run in turn (one folder, one output); ``said_at_once``: Bản Cọ writes
    NM3, NM5 in May already (the move said at once). Returns June's result."""
    from pipeline.run import execute
    from tests.commune import write_plan

    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir(parents=True)
    write_plan(folder)
    na = [person("NM1", "poor"), person("NM2", "poor"), person("NM4", "near_poor")]
    ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    moved = [person("NM3", "poor"), person("NM5", "near_poor")]
    month_lists(folder, "2024-04", na[:2] + moved[:1] + na[2:] + moved[1:], ban)
    execute(folder, out, "2024-04")
    if said_at_once:
        month_lists(folder, "2024-05", na, ban + moved)
    else:
        month_lists(folder, "2024-05", na, ban, moved)
    may, _, _ = execute(folder, out, "2024-05")
    month_lists(folder, "2024-06", na, ban + moved)
    june, _, _ = execute(folder, out, "2024-06")
    return may, june


def test_the_month_after_a_move_not_yet_listed_the_household_is_moved_in_not_returned(tmp_path):
    """Before: June's month table ('so với tháng trước') had Bản Cọ's NM3 and NM5 as new, of
    which returned (tái nghèo) 1 poor and 1 near-poor: May's history kept no row of them, so they
    had left Nà Mòn's April list and were on no May list. Now May keeps them as moved out of Nà
    Mòn (counted nowhere), and June has them moved in: Bản Cọ poor 2 (BC1, BC2) + 1 moved in
    (NM3) = 3, near-poor 1 (BC3) + 1 (NM5) = 2; Nà Mòn's June month table has no movement (its
    May list: NM1, NM2, NM4, as June's)."""
    may, june = _three_months(tmp_path)
    # May as before: Nà Mòn poor 3 − 1 moved out = 2, near-poor 2 − 1 = 1; nothing exited
    assert moves(hamlet_figures(may, "Nà Mòn"), "movements_month") == {
        "poor": {"start": 3, "moved_out": 1, "end": 2},
        "near_poor": {"start": 2, "moved_out": 1, "end": 1},
    }
    assert [i.cell for i in may.issues if i.code == "moved-not-listed"] == ["A9", "A10"]
    ban_co = hamlet_figures(june, "Bản Cọ")
    assert moves(ban_co, "movements_month") == {
        "poor": {"start": 2, "moved_in": 1, "end": 3},
        "near_poor": {"start": 1, "moved_in": 1, "end": 2},
    }
    # the year's table as before: moved in from Nà Mòn against the start list
    assert moves(ban_co)["poor"] == {"start": 2, "moved_in": 1, "end": 3}
    assert moves(hamlet_figures(june, "Nà Mòn"), "movements_month") == {
        "poor": {"start": 2, "end": 2},
        "near_poor": {"start": 1, "end": 1},
    }
    month = june.movement_details[june.movement_details["scope"] == "month"]
    assert sorted(zip(month["ma_ho"], month["movement"], month["start_status"],
                      month["other_hamlet"], strict=True)) == [
        ("NM3", "moved_in", "poor", "Nà Mòn"), ("NM5", "moved_in", "near_poor", "Nà Mòn")
    ]  # fmt: skip
    assert [i for i in june.issues if i.code in ("vanished-household", "moved-not-listed")] == []


def test_the_month_after_a_move_not_yet_listed_counts_as_if_said_at_once(tmp_path):
    """June's commune figures are those of the run where Bản Cọ wrote NM3 and NM5 in May:
    poor 2 + 3 = 5, near-poor 1 + 2 = 3 of the same households."""
    _, late = _three_months(tmp_path / "late")
    _, at_once = _three_months(tmp_path / "once", said_at_once=True)
    keys = ("households", "poor", "near_poor", "poor_rate", "near_poor_rate")
    assert [late.summary["totals"][k] for k in keys] == [at_once.summary["totals"][k] for k in keys]
    assert (late.summary["totals"]["poor"], late.summary["totals"]["near_poor"]) == (5, 3)


def test_the_moved_out_rows_kept_in_may_and_may_run_again_changes_no_later_month(tmp_path):
    """May's history keeps NM3 and NM5 under Nà Mòn, the hamlet they moved out of, as moved
    (counted in no figure: Nà Mòn's May is 2 poor, 1 near-poor); May run again with the same
    lists after June stores the same rows, so June is not said to need running again."""
    import sqlite3

    from pipeline.history import HISTORY_FILE, HistoryStore
    from pipeline.run import execute

    may, _ = _three_months(tmp_path)
    assert (hamlet_figures(may, "Nà Mòn")["poor"], hamlet_figures(may, "Nà Mòn")["near_poor"]) == (
        2,
        1,
    )
    store = HistoryStore(tmp_path / "ra" / HISTORY_FILE)
    rows = store.households(["2024-05"])
    moved = rows[rows["status"].str.startswith("moved")]
    assert sorted(zip(moved["hamlet"], moved["ma_ho"], moved["status"], strict=True)) == [
        ("Nà Mòn", "NM3", "moved_poor"), ("Nà Mòn", "NM5", "moved_near_poor")
    ]  # fmt: skip
    execute(tmp_path / "vao", tmp_path / "ra", "2024-05")
    with sqlite3.connect(tmp_path / "ra" / HISTORY_FILE) as conn:
        last = conn.execute(
            "SELECT period, later_affected FROM runs ORDER BY run_id DESC"
        ).fetchone()
    assert last == ("2024-05", 0)
