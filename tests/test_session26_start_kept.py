"""The start list the history keeps for a year ('YYYY-00') in the cases session 25 left: a store
whose year's first month was run before it was kept, and a start list corrected after that
month (docs/decisions.md, session 26).

The commune of tests/commune.py. Its 2024 plan's start list: Nà Mòn NM1-NM3 poor, NM4, NM5
near-poor, and (here) 0451 poor, a code of digits; Bản Cọ BC1, BC2 poor, BC3 near-poor; Đồng Kè
DK1 poor, DK2 near-poor. November 2024, the first month stored: Nà Mòn NM1, NM2, 0451 poor, NM4
near-poor, NM5 'Thoát' (NM3 on no list: gone); Bản Cọ as at the start; Đồng Kè no list.
December: the same lists. The 2025 plan's start list: NM1, NM2 poor, NM4 near-poor (Nà Mòn 2
and 1); Bản Cọ and Đồng Kè as in 2024. January 2025, Nà Mòn: NM1, NM2, NM3, NM6 poor, NM4
near-poor.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.output import NOTICES
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import HAMLETS, PLAN_INFO, person, start_list, write_roster

NOVEMBER = {"period": "2024-11", "prepared": date(2024, 12, 3)}
DECEMBER = {"period": "2024-12", "prepared": date(2025, 1, 3)}
JANUARY = {"period": "2025-01", "prepared": date(2025, 2, 3)}
KEPT_SAID = "Danh sách hộ đầu năm 2024 lưu trong lịch sử"


def _hamlets(counts: dict[str, tuple[int, int]]) -> list[dict]:
    return [
        {"hamlet": h, "start_households": n, "start_poor": counts[h][0],
         "start_near_poor": counts[h][1], "poor_target": pt, "near_poor_target": ct}
        for h, (n, _, _, pt, ct) in HAMLETS.items()
    ]  # fmt: skip


def _plan_2024(folder, nm3_written: str = "NM3") -> None:
    """The 2024 plan, NM3 written ``nm3_written`` in its start list (a typo the officer fixes
    later), 0451 added to Nà Mòn's."""
    listed = [
        dict(r, ma_ho=nm3_written, chu_ho="Hoàng Văn NM3") if r["ma_ho"] == "NM3" else r
        for r in start_list()
    ]
    listed.insert(3, dict(person("0451", "poor"), hamlet="Nà Mòn"))
    counts = {"Nà Mòn": (4, 2), "Bản Cọ": (2, 1), "Đồng Kè": (1, 1)}
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, _hamlets(counts), listed)


def _month(folder, when: dict, nm3_written: str = "NM3") -> None:
    """A month's folder: the 2024 plan and Nà Mòn's and Bản Cọ's lists as November's."""
    folder.mkdir()
    _plan_2024(folder, nm3_written)
    month = when["period"][5:]
    write_roster(folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "poor"), person("0451", "poor"),
                  person("NM4", "near_poor"), person("NM5", "exited")], **when)  # fmt: skip
    write_roster(folder, f"BanCo_{month}.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")],
                 **when)  # fmt: skip


def _january(folder) -> None:
    folder.mkdir()
    counts = {"Nà Mòn": (2, 1), "Bản Cọ": (2, 1), "Đồng Kè": (1, 1)}
    listed = [r for r in start_list() if r["ma_ho"] not in ("NM3", "NM5")]
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025},
                        _hamlets(counts), listed)  # fmt: skip
    write_roster(folder, "NaMon_01.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
                  person("NM4", "near_poor"), person("NM6", "poor")], **JANUARY)  # fmt: skip


def _kept(out) -> list[tuple]:
    frame = HistoryStore(out / HISTORY_FILE).households(["2024-00"])
    return sorted(zip(frame["hamlet"], frame["hh_key"], frame["ma_ho"], frame["status"],
                      strict=True))  # fmt: skip


def _kept_rowids(out) -> list[int]:
    with sqlite3.connect(out / HISTORY_FILE) as conn:
        rowids = conn.execute(
            "SELECT rowid FROM households WHERE period = '2024-00' ORDER BY rowid"
        ).fetchall()
    conn.close()
    return [r for (r,) in rowids]


def _as_before_session_25(out) -> None:
    """The store as a version before session 25 left it: no '2024-00' rows (nor the runs' record
    of them, session 26), the households
    table of schema 3 (one row per period and key), and 0451's key as versions before codes
    of digits lost their leading zeros wrote it ('id|0451')."""
    with sqlite3.connect(out / HISTORY_FILE) as conn:
        conn.executescript(
            """
            DELETE FROM households WHERE period = '2024-00';
            DELETE FROM run_files WHERE kind = 'start-list';
            UPDATE households SET hh_key = 'id|0451' WHERE hh_key = 'id|451';
            CREATE TABLE households_3 (
                period TEXT NOT NULL, hamlet TEXT NOT NULL, hh_key TEXT NOT NULL,
                ma_ho TEXT NOT NULL, chu_ho TEXT NOT NULL, nam_sinh INTEGER,
                status TEXT NOT NULL, nhan_khau INTEGER, n_deprived INTEGER,
                PRIMARY KEY (period, hh_key));
            INSERT INTO households_3 SELECT period, hamlet, hh_key, ma_ho, chu_ho, nam_sinh,
                status, nhan_khau, n_deprived FROM households;  -- not schema 5's from_age
            DROP TABLE households;
            ALTER TABLE households_3 RENAME TO households;
            CREATE INDEX households_key ON households (hh_key, period);
            PRAGMA user_version = 3;
            """
        )
    conn.close()


def _start_notices() -> list[str]:
    return [n for n in NOTICES if "Danh sách hộ đầu năm" in n or "danh sách hộ đầu năm" in n]


def _nm3_in_january(january) -> str:
    """NM3's movement in January's year table."""
    [found] = [
        movement
        for scope, code, movement in zip(
            *(january.movement_details[c] for c in ("scope", "ma_ho", "movement")), strict=True
        )
        if scope == "year" and code == "NM3"
    ]
    return found


# Kept against November's rows: Nà Mòn's first (NM1) and NM3 (gone); Bản Cọ's first (BC1);
# Đồng Kè's two (no list in November). NM2, 0451, NM4, NM5 and BC2, BC3 November says.
KEPT = [
    ("Bản Cọ", "id|bc1", "BC1", "poor"),
    ("Nà Mòn", "id|nm1", "NM1", "poor"),
    ("Nà Mòn", "id|nm3", "NM3", "poor"),
    ("Đồng Kè", "id|dk1", "DK1", "poor"),
    ("Đồng Kè", "id|dk2", "DK2", "near_poor"),
]


def test_a_store_of_an_older_version_keeps_the_start_list_with_a_later_month(tmp_path):
    """November stored by a version before session 25 (no '2024-00'): December's run keeps the
    list November's run keeps now (KEPT; 0451 is left out, its stored key 'id|0451' read as
    'id|451'), the same as a store whose November was run with this version, and says nothing.
    January 2025: NM3, gone in November, back, is tái nghèo (returned), NM6 new: Nà Mòn's
    poor start 2, new 2, returned 1, end 4."""
    nov, dec, jan = tmp_path / "nov", tmp_path / "dec", tmp_path / "jan"
    _month(nov, NOVEMBER)
    _month(dec, DECEMBER)
    _january(jan)
    out, control = tmp_path / "out", tmp_path / "control"
    execute(nov, control, "2024-11")
    assert _kept(control) == KEPT
    execute(dec, control, "2024-12")
    execute(nov, out, "2024-11")
    _as_before_session_25(out)
    assert _kept(out) == []
    execute(dec, out, "2024-12")
    assert _kept(out) == KEPT
    assert _start_notices() == []
    january, _, _ = execute(jan, out, "2025-01")
    assert _nm3_in_january(january) == "returned"
    [na_mon] = [h for h in january.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    poor = na_mon["movements"]["poor"]
    assert (poor["start"], poor["new"], poor["returned"], poor["end"]) == (2, 2, 1, 4)
    assert january.summary == execute(jan, control, "2025-01")[0].summary


def test_without_the_later_month_nm3_is_new_in_january(tmp_path):
    """The same store, December not run with this version: January has no 2024 list kept, and
    NM3 (on no stored month's list) is new, not returned: what the kept list changes."""
    nov, jan = tmp_path / "nov", tmp_path / "jan"
    _month(nov, NOVEMBER)
    _january(jan)
    out = tmp_path / "out"
    execute(nov, out, "2024-11")
    _as_before_session_25(out)
    january, _, _ = execute(jan, out, "2025-01")
    assert _nm3_in_january(january) == "new"


def test_a_corrected_start_list_is_kept_with_the_month_that_uses_it(tmp_path):
    """November's plan writes NM3 'NM33' in its start list: kept, NM33 (gone: on no list).
    December's plan has it right: December keeps NM3 in its place, computed against
    November's stored rows (KEPT), and says so in one line naming both. December run again
    with the same folder writes nothing (the rows keep their rowids) and says nothing. January:
    NM3 is returned."""
    nov, dec, jan = tmp_path / "nov", tmp_path / "dec", tmp_path / "jan"
    _month(nov, NOVEMBER, nm3_written="NM33")
    _month(dec, DECEMBER)
    _january(jan)
    out = tmp_path / "out"
    execute(nov, out, "2024-11")
    assert [row[2] for row in _kept(out)] == ["BC1", "NM1", "NM33", "DK1", "DK2"]
    execute(dec, out, "2024-12")
    assert _kept(out) == KEPT
    assert _start_notices() == [
        f"{KEPT_SAID} (dùng để nhận ra hộ tái nghèo năm sau) đã được ghi lại theo kế hoạch "
        "'KeHoach_2024.xlsx' của lần chạy này, khác danh sách đã lưu ở 2 hộ (NM3, NM33)."
    ]
    rowids = _kept_rowids(out)
    execute(dec, out, "2024-12")
    assert _start_notices() == []
    assert _kept_rowids(out) == rowids
    january, _, _ = execute(jan, out, "2025-01")
    assert _nm3_in_january(january) == "returned"


def test_a_list_replaced_when_next_year_is_stored_names_the_months_to_run_again(tmp_path):
    """After January 2025 (NM3 returned, as the corrected list says), December run again with
    a folder holding the uncorrected plan (NM33): the kept list goes back to NM33, and the line says that January
    counted its returns from the other list, with the command to run it again with its own
    folder; the run is recorded as changing later months (`history` marks them). January's
    stored figures are not touched. Run again, NM3 is still returned: NM33, on the kept list
    with NM3's head's name and birth year and on no list since, is the same household back
    under another code (session 42, "a household back on the lists under a new code"; before
    it NM3 was new, NM33 being no NM3 by code)."""
    nov, dec, jan = tmp_path / "nov", tmp_path / "dec", tmp_path / "jan"
    _month(nov, NOVEMBER, nm3_written="NM33")
    _month(dec, DECEMBER)
    _january(jan)
    out = tmp_path / "out"
    execute(nov, out, "2024-11")
    execute(dec, out, "2024-12")
    execute(jan, out, "2025-01")
    old = tmp_path / "dec-old"
    _month(old, DECEMBER, nm3_written="NM33")
    execute(old, out, "2024-12")
    assert [row[2] for row in _kept(out)] == ["BC1", "NM1", "NM33", "DK1", "DK2"]
    assert _start_notices() == [
        f"{KEPT_SAID} (dùng để nhận ra hộ tái nghèo năm sau) đã được ghi lại theo kế hoạch "
        "'KeHoach_2024.xlsx' của lần chạy này, khác danh sách đã lưu ở 2 hộ (NM3, NM33). "
        f"Kỳ 01/2025 đã tính hộ tái nghèo theo danh sách cũ: hãy chạy lại, theo thứ tự: "
        f"giamngheo run --input {jan} --period 2025-01"
    ]
    store = HistoryStore(out / HISTORY_FILE)
    assert store.reruns()[-1][0] == "2024-12" and store.reruns()[-1][2] is True
    [stored] = [p for p in store.periods() if p["period"] == "2025-01"]
    [na_mon] = [h for h in stored["hamlets"] if h["hamlet"] == "Nà Mòn"]
    assert na_mon["movements"]["poor"]["returned"] == 1
    january, _, _ = execute(jan, out, "2025-01")
    assert _nm3_in_january(january) == "returned"


def _marks(out) -> list[tuple]:
    with sqlite3.connect(out / HISTORY_FILE) as conn:
        marks = conn.execute(
            "SELECT r.period, f.file, f.size, f.status FROM run_files f JOIN runs r ON "
            "r.run_id = f.run_id WHERE f.kind = 'start-list' ORDER BY f.run_id"
        ).fetchall()
    conn.close()
    return marks


def test_a_month_run_with_the_plan_of_the_last_run_does_not_read_the_first_month_again(
    tmp_path, monkeypatch
):
    """November keeps the list (5 rows: KEPT) and records it among its files; December, with
    the same plan file (the same bytes), finds November's record its own: the list is left as
    it is, November's rows not read again (reading them would fail here), and December records
    it 'unchanged'. A row deleted by hand since (NM3) is no record's: December run again works
    the list out again (KEPT), records it 'replaced' and says so."""
    import shutil

    from pipeline import history

    nov, dec = tmp_path / "nov", tmp_path / "dec"
    _month(nov, NOVEMBER)
    _month(dec, DECEMBER)
    shutil.copy(nov / "KeHoach_2024.xlsx", dec / "KeHoach_2024.xlsx")
    out = tmp_path / "out"
    execute(nov, out, "2024-11")
    rowids = _kept_rowids(out)

    def unread(conn, month):
        raise AssertionError(f"{month} read again")

    with monkeypatch.context() as patched:
        patched.setattr(history, "_said_in", unread)
        execute(dec, out, "2024-12")
    assert _kept(out) == KEPT and _kept_rowids(out) == rowids
    assert _marks(out) == [
        ("2024-11", "2024-00", 5, "kept"),
        ("2024-12", "2024-00", 5, "unchanged"),
    ]
    with sqlite3.connect(out / HISTORY_FILE) as conn:
        conn.execute("DELETE FROM households WHERE period = '2024-00' AND ma_ho = 'NM3'")
    conn.close()
    execute(dec, out, "2024-12")
    assert _kept(out) == KEPT
    assert _marks(out)[-1] == ("2024-12", "2024-00", 5, "replaced")
    assert _start_notices() == [
        f"{KEPT_SAID} (dùng để nhận ra hộ tái nghèo năm sau) đã được ghi lại theo kế hoạch "
        "'KeHoach_2024.xlsx' của lần chạy này, khác danh sách đã lưu ở 1 hộ (NM3)."
    ]


def _october(folder, nm3_written: str = "NM3") -> None:
    """October 2024: every start household on its hamlet's list but NM2 (gone in October, back
    in December), NM3 too; Đồng Kè no list."""
    folder.mkdir()
    _plan_2024(folder, nm3_written)
    when = {"period": "2024-10", "prepared": date(2024, 11, 4)}
    write_roster(folder, "NaMon_10.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM3", "poor"), person("0451", "poor"),
                  person("NM4", "near_poor"), person("NM5", "near_poor")], **when)  # fmt: skip
    write_roster(folder, "BanCo_10.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")],
                 **when)  # fmt: skip


def test_a_month_filled_in_before_the_first_one_keeps_the_list_against_it_unsaid(tmp_path):
    """December is stored first (KEPT). October, run after it, is the year's first month now:
    the list is kept against October's rows, where NM2 is missing (gone then: kept) and NM3
    listed (left out): BC1, NM1, NM2, DK1, DK2; nothing is said, the plan's list being the one
    kept. October run with the plan writing NM33 instead, on a store where December kept NM3:
    NM33, on no October list, stays too, and the line says the list kept was written again,
    naming what differs against December, where it was kept: NM3 and NM33."""
    dec, oct_ = tmp_path / "dec", tmp_path / "oct"
    _month(dec, DECEMBER)
    _october(oct_)
    out = tmp_path / "out"
    execute(dec, out, "2024-12")
    assert _kept(out) == KEPT
    execute(oct_, out, "2024-10")
    assert [row[2] for row in _kept(out)] == ["BC1", "NM1", "NM2", "DK1", "DK2"]
    assert _start_notices() == []
    assert _marks(out)[-1] == ("2024-10", "2024-00", 5, "replaced")  # written over, unsaid

    typo, again = tmp_path / "oct-typo", tmp_path / "out-again"
    _october(typo, nm3_written="NM33")
    execute(dec, again, "2024-12")
    execute(typo, again, "2024-10")
    assert [row[2] for row in _kept(again)] == ["BC1", "NM1", "NM2", "NM33", "DK1", "DK2"]
    assert _start_notices() == [
        f"{KEPT_SAID} (dùng để nhận ra hộ tái nghèo năm sau) đã được ghi lại theo kế hoạch "
        "'KeHoach_2024.xlsx' của lần chạy này, khác danh sách đã lưu ở 2 hộ (NM3, NM33)."
    ]


def test_a_list_kept_late_names_next_years_months_run_without_it(tmp_path):
    """November, December and January 2025 stored by a version before session 25 (no
    '2024-00'): January counted NM3 new. December run again, the same files: its figures the
    same (no notice of later months), the list is kept (KEPT), and one line says so and that
    January was counted without it, with the command to run it again with its folder; the run
    is recorded as changing later months. January run again: NM3 is returned."""
    nov, dec, jan = tmp_path / "nov", tmp_path / "dec", tmp_path / "jan"
    _month(nov, NOVEMBER)
    _month(dec, DECEMBER)
    _january(jan)
    out = tmp_path / "out"
    execute(nov, out, "2024-11")
    execute(dec, out, "2024-12")
    _as_before_session_25(out)
    january, _, _ = execute(jan, out, "2025-01")
    assert _nm3_in_january(january) == "new"
    execute(dec, out, "2024-12")
    assert _kept(out) == KEPT
    assert not [n for n in NOTICES if n.startswith("Các kỳ sau")]
    assert _start_notices() == [
        "Lịch sử nay lưu danh sách hộ đầu năm 2024 (dùng để nhận ra hộ tái nghèo năm sau). Kỳ "
        "01/2025 đã tính hộ tái nghèo khi chưa có danh sách này: hãy chạy lại, theo thứ tự: "
        f"giamngheo run --input {jan} --period 2025-01"
    ]
    assert HistoryStore(out / HISTORY_FILE).reruns()[-1] == ("2024-12", 4, True)
    january, _, _ = execute(jan, out, "2025-01")
    assert _nm3_in_january(january) == "returned"


def _november_again(folder, nov, listed: list[str], prepared: date) -> None:
    """November's folder again: the same plan file (the same bytes) and Bản Cọ's list, Nà Mòn's
    list holding ``listed`` (poor but NM4, near-poor, and NM5, 'Thoát')."""
    import shutil

    folder.mkdir()
    shutil.copy(nov / "KeHoach_2024.xlsx", folder / "KeHoach_2024.xlsx")
    shutil.copy(nov / "BanCo_11.xlsx", folder / "BanCo_11.xlsx")
    kinds = {"NM4": "near_poor", "NM5": "exited"}
    write_roster(folder, "NaMon_11.xlsx", "Nà Mòn", 100,
                 [person(code, kinds.get(code, "poor")) for code in listed],
                 **{**NOVEMBER, "prepared": prepared})  # fmt: skip


def test_the_first_month_run_again_with_other_lists_keeps_the_list_unsaid(tmp_path):
    """The year's first month run again (--replace) from the same plan file, with other lists:
    November first with NM3 on Nà Mòn's list (kept: BC1, NM1, DK1, DK2), then as at first, NM3
    gone: the kept list follows November (KEPT: NM3 kept) and no line is said of it (session 26
    review: the start list did not change, the month did, and the run says it replaced the
    month). With January 2025 stored, November run again with NM2 gone too: NM2 kept as well,
    and the line names the month the list was worked out from, not the plan, with January to
    run again."""
    nov, listed, fewer, jan = (tmp_path / n for n in ("nov", "listed", "fewer", "jan"))
    _month(nov, NOVEMBER)
    _november_again(listed, nov, ["NM1", "NM2", "NM3", "0451", "NM4", "NM5"], date(2024, 12, 2))
    _november_again(fewer, nov, ["NM1", "0451", "NM4", "NM5"], date(2024, 12, 9))
    _january(jan)
    out = tmp_path / "out"
    execute(listed, out, "2024-11")
    assert [row[2] for row in _kept(out)] == ["BC1", "NM1", "DK1", "DK2"]
    execute(nov, out, "2024-11", replace=True)
    assert _kept(out) == KEPT
    assert _start_notices() == []
    execute(jan, out, "2025-01")
    execute(fewer, out, "2024-11", replace=True)
    assert [row[2] for row in _kept(out)] == ["BC1", "NM1", "NM2", "NM3", "DK1", "DK2"]
    assert _start_notices() == [
        f"{KEPT_SAID} (dùng để nhận ra hộ tái nghèo năm sau) đã được tính lại theo danh sách kỳ "
        "11/2024 vừa chạy lại, khác trước ở 1 hộ (NM2). Kỳ 01/2025 đã tính hộ tái nghèo theo "
        "danh sách cũ (hãy chạy lại như trên)."
    ]  # the run's notice of later months to run again gives January's command
