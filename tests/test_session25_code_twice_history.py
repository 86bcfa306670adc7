"""A Mã hộ written in two hamlets' lists in one month: the history keeps both rows
(docs/decisions.md, session 25).

The small commune's 2024 plan: Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor; Bản Cọ BC1, BC2 poor,
BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. March 2024: every hamlet's list as at the
start. April: Nà Mòn writes NM2's code as BC1 (its head, Hoàng Văn NM2, unchanged), Bản Cọ's
BC1 as before: the code is on two hamlets' lists, both rows are left out of the counts
(CONTRACT §4.2). May: Nà Mòn writes NM2's code right again; Bản Cọ keeps BC1.
"""

from __future__ import annotations

from datetime import date

from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.run import execute
from tests.commune import person, write_plan, write_roster

MONTHS = {
    "2024-03": date(2024, 4, 3),
    "2024-04": date(2024, 5, 3),
    "2024-05": date(2024, 6, 3),
}


def _na_mon(nm2_code: str = "NM2") -> list[dict]:
    return [person("NM1", "poor"), dict(person("NM2", "poor"), ma_ho=nm2_code),
            person("NM3", "poor"), person("NM4", "near_poor"),
            person("NM5", "near_poor")]  # fmt: skip


def _commune(tmp_path, may_na_mon=None):
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    for period, prepared in MONTHS.items():
        month = period[5:]
        na_mon = _na_mon("BC1" if period == "2024-04" else "NM2")
        if period == "2024-05" and may_na_mon is not None:
            na_mon = may_na_mon
        write_roster(folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100, na_mon, period=period,
                     prepared=prepared)  # fmt: skip
        write_roster(folder, f"BanCo_{month}.xlsx", "Bản Cọ", 200,
                     [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")],
                     period=period, prepared=prepared)  # fmt: skip
        write_roster(folder, f"DongKe_{month}.xlsx", "Đồng Kè", 150,
                     [person("DK1", "poor"), person("DK2", "near_poor")], period=period,
                     prepared=prepared)  # fmt: skip
    return folder, tmp_path / "output"


def _moves(result, hamlet, scope="movements_month"):
    [found] = [h for h in result.summary["hamlets"] if h["hamlet"] == hamlet]
    poor = found[scope]["poor"]
    return {k: v for k, v in poor.items() if v}


def _details(result, scope="month"):
    columns = ("scope", "hamlet", "ma_ho", "movement")
    return sorted(
        (h, m, d)
        for s, h, m, d in zip(*(result.movement_details[c] for c in columns), strict=True)
        if s == scope and d != "start"
    )


def test_april_stores_both_rows_of_the_code_written_twice(tmp_path):
    """April's history: BC1 twice, not counted, once in each hamlet, each with its own head."""
    folder, out = _commune(tmp_path)
    for period in ("2024-03", "2024-04"):
        execute(folder, out, period)
    frame = HistoryStore(out / HISTORY_FILE).households(["2024-04"])
    held = frame[frame["status"] == "not_counted"]
    assert sorted(zip(held["hamlet"], held["ma_ho"], held["chu_ho"], strict=True)) == [
        ("Bản Cọ", "BC1", "Hoàng Văn BC1"),
        ("Nà Mòn", "BC1", "Hoàng Văn NM2"),
    ]
    assert len(frame) == 10  # every row of April's three lists


def test_may_counts_nm2_again_in_na_mon_not_as_returned(tmp_path):
    """May against April, poor list. Nà Mòn: start NM1, NM3 (2: NM2 held in April's row with
    BC1), recounted NM2 (its row fixed), end 3; no new household, no return to poverty. Bản
    Cọ: start BC2 (1), recounted BC1, end 2. Before the fix April kept Bản Cọ's row alone:
    NM2 had left the lists in April (Nà Mòn reported, nothing held it) and was 'new' and
    'returned' (tái nghèo) in May. The year table (against the plan's list) is unchanged:
    Nà Mòn 3 poor at the start and now."""
    folder, out = _commune(tmp_path)
    for period in ("2024-03", "2024-04"):
        execute(folder, out, period)
    may, _, _ = execute(folder, out, "2024-05")
    assert _moves(may, "Nà Mòn") == {"start": 2, "recounted": 1, "end": 3}
    assert _moves(may, "Bản Cọ") == {"start": 1, "recounted": 1, "end": 2}
    assert _moves(may, "Nà Mòn", "movements") == {"start": 3, "end": 3}
    assert [d for d in _details(may) if d[0] != "Đồng Kè"] == [
        ("Bản Cọ", "BC1", "recounted"),
        ("Nà Mòn", "NM2", "recounted"),
    ]
    assert may.summary["totals"]["poor"] == 3 + 2 + 1


def test_a_store_of_the_previous_schema_keeps_both_rows_once_migrated(tmp_path):
    """March stored by the previous version (schema 3: one row per code and month): April run
    now brings the store to schema 4 (and 5), March's ten rows kept, and stores April's two BC1 rows;
    May reads as above (Nà Mòn: NM2 recounted, nothing new)."""
    import sqlite3

    folder, out = _commune(tmp_path)
    execute(folder, out, "2024-03")
    with sqlite3.connect(out / HISTORY_FILE) as conn:  # back to the schema-3 table
        conn.executescript(
            """CREATE TABLE old (period TEXT NOT NULL, hamlet TEXT NOT NULL,
                   hh_key TEXT NOT NULL, ma_ho TEXT NOT NULL, chu_ho TEXT NOT NULL,
                   nam_sinh INTEGER, status TEXT NOT NULL, nhan_khau INTEGER,
                   n_deprived INTEGER, PRIMARY KEY (period, hh_key));
               INSERT INTO old SELECT period, hamlet, hh_key, ma_ho, chu_ho, nam_sinh,
                   status, nhan_khau, n_deprived FROM households;  -- not schema 5's from_age
               DROP TABLE households;
               ALTER TABLE old RENAME TO households;
               CREATE INDEX households_key ON households (hh_key, period);
               PRAGMA user_version = 3;"""
        )
    conn.close()
    execute(folder, out, "2024-04")
    with sqlite3.connect(out / HISTORY_FILE) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        counts = conn.execute(
            "SELECT period, COUNT(*) FROM households GROUP BY period ORDER BY period"
        ).fetchall()
    conn.close()
    # on through schema 7 (session 30: from_age; session 52: so_dinh_danh; session 62: twice)
    assert version == 7
    assert counts == [("2024-00", 3), ("2024-03", 10), ("2024-04", 10)]
    may, _, _ = execute(folder, out, "2024-05")
    assert _moves(may, "Nà Mòn") == {"start": 2, "recounted": 1, "end": 3}


def test_nm2_gone_from_may_without_thoat_is_asked_about(tmp_path):
    """May, Nà Mòn sends NM1, NM3 poor, NM4, NM5 near-poor: NM2 is on no list, not written
    'Thoát'. Against the plan's list it vanished (year table: start 3, exited 1, end 2), and the
    officer is asked to confirm it ('vanished-household', NM2 (Hoàng Văn NM2)): in April it was
    on Nà Mòn's list, in the row with BC1. Against April, NM2 was held there, not counted: it
    leaves nothing on the month's poor table (start 2, end 2). Before the fix the history had
    NM2 leave in April (its row not kept) and no warning was given."""
    may_list = [person("NM1", "poor"), person("NM3", "poor"), person("NM4", "near_poor"),
                person("NM5", "near_poor")]  # fmt: skip
    folder, out = _commune(tmp_path, may_na_mon=may_list)
    for period in ("2024-03", "2024-04"):
        execute(folder, out, period)
    may, _, _ = execute(folder, out, "2024-05")
    assert _moves(may, "Nà Mòn", "movements") == {"start": 3, "exited": 1, "end": 2}
    assert _moves(may, "Nà Mòn") == {"start": 2, "end": 2}
    assert [(i.hamlet, i.value) for i in may.issues if i.code == "vanished-household"] == [
        ("Nà Mòn", "NM2 (Hoàng Văn NM2)")
    ]
