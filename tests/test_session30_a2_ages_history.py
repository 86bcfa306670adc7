"""Session 30 (A2): the history keeps whether a household row's birth year was read from an age
(schema 5, ``households.from_age``), so a stored month written in ages is matched a year off by
the next month's tables too (tests/test_session30_a_ages_matched.py: a list's ages and the start
list's).

The fixture: Nà Mòn's start list NM1-NM3 poor, NM4 near-poor (tests/commune.py's heads 'Hoàng
Văn <code>', born 1970; NM5 left off). April's list writes ages, 53 each: born 2024 - 53 = 1971,
a year after 1970 (a birthday not yet come). May's list writes the years, 1970, as the head was
told to by April's `birth-year-from-age`.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from pipeline import history as hist
from pipeline.checkfiles import check_files
from pipeline.output import NOTICES
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from pipeline.types import FROM_AGE
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_roster
from tests.test_cli_messages import cli

APRIL = {"period": "2024-04", "prepared": date(2024, 5, 3)}
MONTH_KEYS = ("start", "exited", "not_counted", "new", "returned", "recounted", "end")


def plan(folder) -> None:
    """Nà Mòn's start: NM1-NM3 poor, NM4 near-poor (4 households, NM5 left off)."""
    hamlets = plan_hamlets()
    hamlets[0].update(start_poor=3, start_near_poor=1)
    listed = [row for row in start_list() if row["ma_ho"] != "NM5"]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, listed)


def rows_born(born: int, without_code: str | None = None, recoded: tuple = ()) -> list[dict]:
    """Nà Mòn's four households, each head born ``born`` (an age where under 100); the one
    ``without_code`` written with no Mã hộ; ``recoded``: (Mã hộ, written instead)."""
    rows = []
    for code, status in (("NM1", "poor"), ("NM2", "poor"), ("NM3", "poor"), ("NM4", "near_poor")):
        row = person(code, status, nam_sinh=born)
        if code == without_code:
            row["ma_ho"] = None
        if recoded and code == recoded[0]:
            row["ma_ho"] = recoded[1]
        rows.append(row)
    return rows


def _month(result, status: str) -> tuple:
    moves = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    return tuple(moves["movements_month"][status][k] for k in MONTH_KEYS)


def _details(result) -> list[tuple]:
    found = result.movement_details
    return sorted(zip(found["scope"], found["ma_ho"], found["movement"], strict=True))


def _commune(tmp_path, april: list[dict]):
    """The plan and April's list (ages) consolidated into tmp_path/out: (folder, out)."""
    folder, out = tmp_path / "input", tmp_path / "out"
    folder.mkdir()
    plan(folder)
    write_roster(folder, "NaMon_T4.xlsx", "Nà Mòn", 100, april, **APRIL)
    execute(folder, out, "2024-04")
    return folder, out


def _stored_flags(out, period: str) -> list[tuple]:
    with sqlite3.connect(out / hist.HISTORY_FILE) as conn:
        found = conn.execute(
            "SELECT ma_ho, from_age FROM households WHERE period = ? ORDER BY hh_key", (period,)
        ).fetchall()
    conn.close()
    return found


def test_april_in_ages_may_in_years_nothing_new_nothing_gone(tmp_path):
    """April (ages, 1971): NM2 written without its Mã hộ, its row an error (left out, stored by
    name and 1971 as not counted). May (years, 1970): NM2 with its code, counted again. May's
    month table, poor: start 2 (NM1, NM3 counted in April), recounted 1 (NM2: held in April's
    row left out, a year off), new 0, exited 0, end 2 + 1 = 3; near-poor: start 1, end 1.
    The history marks April's four rows (1) and none of May's (NULL). With the mark taken out
    of the store (as a store before schema 5 reads, its ID number too), NM2 is new again
    (returned) as before."""
    folder, out = _commune(tmp_path, rows_born(53, without_code="NM2"))
    assert _stored_flags(out, "2024-04") == [
        ("NM1", 1), ("NM3", 1), ("NM4", 1), ("", 1),  # 'id|…' keys sort before 'name|…'
    ]  # fmt: skip
    write_roster(folder, "NaMon_T5.xlsx", "Nà Mòn", 100, rows_born(1970))
    may = execute(folder, out, "2024-05")[0]
    assert _month(may, "poor") == (2, 0, 0, 0, 0, 1, 3)
    assert _month(may, "near_poor") == (1, 0, 0, 0, 0, 0, 1)
    assert _details(may) == [("month", "NM2", "recounted")]
    assert [r for r in _stored_flags(out, "2024-05") if r[1] is not None] == []
    with sqlite3.connect(out / hist.HISTORY_FILE) as conn:
        # nor the ID number kept with a row left out (schema 6, session 52): NM2's holds it too
        conn.execute("UPDATE households SET from_age = NULL, so_dinh_danh = NULL")
    conn.close()
    before = execute(folder, out, "2024-05")[0]
    assert _month(before, "poor") == (2, 0, 0, 1, 1, 0, 3)  # new 1: returned, 2 + 1 = 3


def test_a_household_without_its_code_in_may_is_not_gone(tmp_path):
    """April (ages, every Mã hộ); May (years) writes NM2 without its Mã hộ: its row is left
    out, held by name a year off April's NM2. Month table, poor: start 3, not counted 1 (NM2),
    exited 0, end 3 - 1 = 2; no `vanished-household` (before: NM2 gone without 'Thoát',
    asked to be confirmed)."""
    folder, out = _commune(tmp_path, rows_born(53))
    write_roster(folder, "NaMon_T5.xlsx", "Nà Mòn", 100, rows_born(1970, without_code="NM2"))
    may = execute(folder, out, "2024-05")[0]
    assert _month(may, "poor") == (3, 0, 1, 0, 0, 0, 2)
    assert ("month", "NM2", "not_counted") in _details(may)
    assert [i for i in may.issues if i.code == "vanished-household"] == []


def test_a_household_under_another_code_in_may_is_not_gone_and_new(tmp_path):
    """April (ages): NM4 near-poor. May (years) writes it as NM9: the same head, a year off
    April's, so the same household under another code (`code-changed`), not gone + new:
    near-poor month table start 1, exited 0, new 0, end 1 (before: exited 1, new 1 and
    `vanished-household` for NM4)."""
    folder, out = _commune(tmp_path, rows_born(53))
    write_roster(folder, "NaMon_T5.xlsx", "Nà Mòn", 100, rows_born(1970, recoded=("NM4", "NM9")))
    may = execute(folder, out, "2024-05")[0]
    assert _month(may, "near_poor") == (1, 0, 0, 0, 0, 0, 1)
    codes = [i.code for i in may.issues]
    assert "code-changed" in codes and "vanished-household" not in codes


def test_check_reads_the_stored_mark_as_the_run_does(tmp_path):
    """`giamngheo check` of May's list (NM2 without its Mã hộ) with the plan, against the
    history April left (ages): no `vanished-household`, as the run."""
    folder, out = _commune(tmp_path, rows_born(53))
    path = write_roster(folder, "NaMon_T5.xlsx", "Nà Mòn", 100, rows_born(1970, without_code="NM2"))
    store = hist.HistoryStore(out / hist.HISTORY_FILE, read_only=True)
    checked = check_files([folder / "KeHoach_2024.xlsx", path], history=store)
    assert "missing-household-id" in [i.code for i in checked]
    assert [i for i in checked if i.code == "vanished-household"] == []


def _as_schema_4(out) -> None:
    """The store as schema 4 left it: the households table without from_age (nor schema 6's
    so_dinh_danh, nor schema 7's twice)."""
    with sqlite3.connect(out / hist.HISTORY_FILE) as conn:
        conn.execute("ALTER TABLE households DROP COLUMN from_age")
        conn.execute("ALTER TABLE households DROP COLUMN so_dinh_danh")
        conn.execute("ALTER TABLE households DROP COLUMN twice")
        conn.execute("PRAGMA user_version = 4")
    conn.close()


def test_a_schema_4_store_reads_as_no_ages_and_is_brought_to_5(tmp_path):
    """April stored by schema 4 (no mark): listed by `giamngheo history` and read (its rows'
    FROM_AGE all False) without being changed (still schema 4); May's run brings it to 5,
    April's 4 + 2024-00's rows kept, unmarked (NULL), May's stored; May's month table then
    reads April as years written, as before: NM2 (held in April's row by name, 1971) is new
    (returned) against 1970: poor start 2, new 1, end 3."""
    folder, out = _commune(tmp_path, rows_born(53, without_code="NM2"))
    _as_schema_4(out)
    store = hist.HistoryStore(out / hist.HISTORY_FILE)
    listing = cli("history", "--output", str(out), "--lang", "en")
    assert listing.returncode == 0 and "Traceback" not in listing.stderr
    assert listing.stdout.splitlines()[1].split()[0] == "2024-04"
    frame = store.households(["2024-04"])
    assert len(frame) == 4 and frame[FROM_AGE].tolist() == [False] * 4
    # `check` against it (read only) as before: NM2 written without its code in May is held by
    # April's row by name and 1970, no year off known: said gone without 'Thoát'
    may_list = write_roster(folder, "NaMon_T5.xlsx", "Nà Mòn", 100, rows_born(1970, "NM2"))
    readonly = hist.HistoryStore(out / hist.HISTORY_FILE, read_only=True)
    checked = check_files([folder / "KeHoach_2024.xlsx", may_list], history=readonly)
    assert "missing-household-id" in [i.code for i in checked]
    with sqlite3.connect(out / hist.HISTORY_FILE) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
        kept = conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    conn.close()
    write_roster(folder, "NaMon_T5.xlsx", "Nà Mòn", 100, rows_born(1970))
    may = execute(folder, out, "2024-05")[0]
    with sqlite3.connect(out / hist.HISTORY_FILE) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == hist.SCHEMA_VERSION == 7
        assert conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == kept + 4
    conn.close()
    assert _stored_flags(out, "2024-04") == [("NM1", None), ("NM3", None), ("NM4", None),
                                             ("", None)]  # fmt: skip
    assert _month(may, "poor") == (2, 0, 0, 1, 1, 0, 3)


def test_a_start_list_kept_in_ages_is_marked(tmp_path):
    """The plan's start list writes ages (54 each, read at 2023: born 1969); April's list the
    years, every household but NM4 (near-poor, gone without 'Thoát'). The start list kept as
    '2024-00' holds what April does not say: Nà Mòn's first household NM1 (each hamlet's first
    stays) and NM4, both marked read from an age (1); those of Bản Cọ and Đồng Kè (no list in
    April) too."""
    folder, out = tmp_path / "input", tmp_path / "out"
    folder.mkdir()
    hamlets = plan_hamlets()
    hamlets[0].update(start_poor=3, start_near_poor=1)
    listed = [dict(row, nam_sinh=54) for row in start_list() if row["ma_ho"] != "NM5"]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, listed)
    write_roster(folder, "NaMon_T4.xlsx", "Nà Mòn", 100, rows_born(1970)[:3], **APRIL)
    execute(folder, out, "2024-04")
    kept = _stored_flags(out, "2024-00")
    assert [r for r in kept if r[0].startswith("NM")] == [("NM1", 1), ("NM4", 1)]
    assert {flag for _, flag in kept} == {1}
    # kept before schema 5 (no mark, no record of the list kept): April run again marks the
    # rows in place, and says nothing of the start list (its households are the same)
    with sqlite3.connect(out / hist.HISTORY_FILE) as conn:
        conn.execute("UPDATE households SET from_age = NULL WHERE period = '2024-00'")
        conn.execute("DELETE FROM run_files WHERE kind = 'start-list'")
    conn.close()
    execute(folder, out, "2024-04")
    assert _stored_flags(out, "2024-00") == kept
    assert [n for n in NOTICES if "danh sách hộ đầu năm" in n.lower()] == []
