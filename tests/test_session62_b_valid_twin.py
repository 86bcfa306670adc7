"""Session 62 (helper B): a twin valid but for its code, alone under a listed household's code in
another hamlet while the household's own list is refused 'across', is another household's row:
it holds not the household there (session 61 B's Left; session 60 B's seed 1963).

The small commune (tests.commune): NM5 (Hoàng Văn NM5, 1970) near-poor on Nà Mòn's start list,
NM4 near-poor beside it. The twin: Lò Thị Trùng (1981, another ID number), written under 'NM5'
in Bản Cọ's list, a valid row (4 members): left out only as the code written twice (CONTRACT
§4.2). Where Nà Mòn's list writes NM5 alone, every row of it is left out and it is refused
('across', session 53); the twin's row stays left out, the one row of NM5 the history keeps.

The history keeps one row of a hamlet and code: where one list writes a code twice (the
household's own row beside a twin), the row kept may be the twin's. Since schema 7 the store
says so (``twice``), and only a row its hamlet's list wrote once is asked (the guard below)."""

from __future__ import annotations

import sqlite3

from pipeline import history as hist
from tests.commune import new_commune, person
from tests.test_session38_oracle import bc_rows, dk_rows, run_lists
from tests.test_session61_b_other_household_rows import (
    asked_of,
    gone_in_may_back_in_june,
    na_mon_with,
    near_of,
    other_head_nm5,
)


def _stored_twice(out, period: str) -> list[tuple]:
    """(hamlet, key, status, twice) of the stored rows of NM5 in ``period``."""
    with sqlite3.connect(out / hist.HISTORY_FILE) as conn:
        rows = conn.execute(
            "SELECT hamlet, hh_key, status, twice FROM households WHERE period = ? AND "
            "hh_key = 'id|nm5' ORDER BY hamlet",
            (period,),
        ).fetchall()
    conn.close()
    return rows


def test_a_valid_twin_alone_while_its_own_list_is_refused_holds_not_the_household(tmp_path):
    """Worked by hand. April: Nà Mòn's list writes NM5 alone, Bản Cọ's the twin: Nà Mòn refused
    'across', the twin's row left out, kept as Bản Cọ's one row of NM5 (twice NULL). May: Nà
    Mòn's list without NM5, Bản Cọ silent: NM5 left the lists (the twin's row is another
    household's, its hamlet's list's one row of the code): both of Nà Mòn's tables (the month's
    from the start list: April's list refused) near-poor 2, exited 1, 1 (NM4), and its head
    asked to confirm NM5's exit. June, NM5 on Nà Mòn's list again: the month's table (May's
    list, NM4) 1, new 1 of which returned 1 (tái cận nghèo), 2; the year's 2 to 2. Before: May's
    tables moved NM5 out to Bản Cọ ('Chuyển sang Bản Cọ', a list that never had it), no one
    asked, and June's month table said it moved in from Bản Cọ."""
    folder, out = new_commune(tmp_path)
    april = run_lists(folder, out, "2024-04",
                      {"Nà Mòn": [person("NM5", "near_poor")], "Bản Cọ": [*bc_rows(), other_head_nm5()],
                       "Đồng Kè": dk_rows()})  # fmt: skip
    assert april["Nà Mòn"]["status"] == "rejected"
    gone_in_may_back_in_june(folder, out)
    assert _stored_twice(out, "2024-04") == [("Bản Cọ", "id|nm5", "not_counted", None)]


def test_its_own_row_beside_a_twin_in_one_list_is_still_a_move(tmp_path):
    """A guard (passes before; a fix asking every valid row left out broke it: session 61 B's
    first draft, the codes band's seeds 1361 and 1382). April: Nà Mòn's list without NM5; Bản
    Cọ's writes NM5's own row and then the twin under NM5: both left out (the code written
    twice in one list), the store keeps the later, the twin's, marked twice 2. May: Nà Mòn
    without NM5, Bản Cọ silent: NM5 is still where Bản Cọ's row holds it: Nà Mòn's year table
    near-poor 2, moved out 1, 1 (not exited, nobody asked). June: Bản Cọ lists NM5 (its own row
    alone): Bản Cọ's year table near-poor 1, moved in 1, 2; its month table (April's list held
    NM5 in a row left out) counted again 1."""
    folder, out = new_commune(tmp_path)
    own = person("NM5", "near_poor")
    april = run_lists(folder, out, "2024-04",
                      {"Nà Mòn": na_mon_with(False), "Bản Cọ": [*bc_rows(), own, other_head_nm5()],
                       "Đồng Kè": dk_rows()})  # fmt: skip
    assert near_of(april["Nà Mòn"], "movements") == {"start": 2, "moved_out": 1, "end": 1}
    may = run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_with(False), "Đồng Kè": dk_rows()})
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "moved_out": 1, "end": 1}
    assert asked_of(out, "2024-05") == []
    june = run_lists(folder, out, "2024-06",
                     {"Nà Mòn": na_mon_with(False), "Bản Cọ": [*bc_rows(), own],
                      "Đồng Kè": dk_rows()})  # fmt: skip
    assert near_of(june["Bản Cọ"], "movements") == {"start": 1, "moved_in": 1, "end": 2}
    assert near_of(june["Bản Cọ"], "movements_month") == {"start": 1, "recounted": 1, "end": 2}
    assert _stored_twice(out, "2024-04") == [("Bản Cọ", "id|nm5", "not_counted", 2)]


def test_a_store_before_schema_7_knows_not_whether_a_row_left_out_was_written_once(tmp_path):
    """The migration: a store of schema 6 (the twin's April stored before ``twice`` was
    kept) marks its rows left out 0, not known; the walk then asks no valid row of them, as
    before: May's year table of Nà Mòn moves NM5 out to Bản Cọ (session 54's answer), and the
    counted rows are NULL. A fresh store's rows are NULL where written once (the first test)."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": [person("NM5", "near_poor")], "Bản Cọ": [*bc_rows(), other_head_nm5()],
               "Đồng Kè": dk_rows()})  # fmt: skip
    path = out / hist.HISTORY_FILE
    with sqlite3.connect(path) as conn:  # back to schema 6, as that version left it
        conn.execute("ALTER TABLE households DROP COLUMN twice")
        conn.execute("PRAGMA user_version = 6")
    conn.close()
    may = run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_with(False), "Đồng Kè": dk_rows()})
    assert _stored_twice(out, "2024-04") == [("Bản Cọ", "id|nm5", "not_counted", 0)]
    with sqlite3.connect(path) as conn:
        counted = conn.execute(
            "SELECT COUNT(*), COUNT(twice) FROM households WHERE period = '2024-04' AND "
            "status != 'not_counted'"
        ).fetchone()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    assert (counted, version) == ((5, 0), 7)
    assert near_of(may["Nà Mòn"], "movements") == {"start": 2, "moved_out": 1, "end": 1}
