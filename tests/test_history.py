"""Month after month: the history store, movements since the previous month, returns to poverty."""

from __future__ import annotations

import json
import os
import shlex
import sqlite3
from datetime import date, datetime, timedelta

import openpyxl
import pytest

from pipeline import history as hist
from pipeline.figures import POOR_MOVES
from pipeline.messages import RunCommand
from pipeline.run import collect, execute
from tests.commune import person, write_plan, write_roster


def three_months(folder):
    """Nà Mòn starts the year with NM1–NM3 poor, NM4–NM5 near-poor (plan's start list).
    January: NM2 exits (Thoát). February: NM3 vanishes unmarked, NM5 falls into poverty.
    March: NM2 is poor again (returned), NM6 is new near-poor."""
    folder.mkdir(parents=True, exist_ok=True)
    write_plan(folder)
    months = {
        "2024-01": [
            person("NM1", "poor"),
            person("NM2", "exited"),
            person("NM3", "poor"),
            person("NM4", "near_poor"),
            person("NM5", "near_poor"),
        ],
        "2024-02": [
            person("NM1", "poor"),
            person("NM2", "exited"),
            person("NM4", "near_poor"),
            person("NM5", "poor"),
        ],
        "2024-03": [
            person("NM1", "poor"),
            person("NM2", "poor"),
            person("NM4", "near_poor"),
            person("NM5", "poor"),
            person("NM6", "near_poor"),
        ],
    }
    for month, rows in months.items():
        prepared = date(2024, int(month[5:]) + 1, 2)
        write_roster(
            folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100, rows, period=month, prepared=prepared
        )
        write_roster(
            folder,
            f"BanCo_{month}.xlsx",
            "Bản Cọ",
            200,
            [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")],
            period=month,
            prepared=prepared,
        )


@pytest.fixture
def year(tmp_path):
    three_months(tmp_path / "input")
    out = tmp_path / "output"
    results = {}
    for month in ("2024-01", "2024-02", "2024-03"):
        results[month] = execute(tmp_path / "input", out, month)[0].summary
    return tmp_path, out, results


def na_mon(summary):
    return next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")


def test_movements_since_start_and_since_previous_month(year):
    _, _, results = year
    # February against January: NM3 vanished (exited), NM5 near → poor.
    feb = na_mon(results["2024-02"])["movements_month"]
    assert feb["poor"] == {
        "start": 2,
        "to_near_poor": 0,
        "exited": 1,
        "not_counted": 0,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 0,
        "from_near_poor": 1,
        "new": 0,
        "returned": 0,
        "end": 2,
    }
    assert feb["near_poor"] == {
        "start": 2,
        "to_poor": 1,
        "exited": 0,
        "not_counted": 0,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 0,
        "from_poor": 0,
        "new": 0,
        "returned": 0,
        "end": 1,
    }
    march = na_mon(results["2024-03"])
    # March against February: NM2 is poor again after exiting in January: new and returned.
    assert march["movements_month"]["poor"] == {
        "start": 2,
        "to_near_poor": 0,
        "exited": 0,
        "not_counted": 0,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 0,
        "from_near_poor": 0,
        "new": 1,
        "returned": 1,
        "end": 3,
    }
    assert march["movements_month"]["near_poor"] == {
        "start": 1,
        "to_poor": 0,
        "exited": 0,
        "not_counted": 0,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 0,
        "from_poor": 0,
        "new": 1,
        "returned": 0,
        "end": 2,
    }
    # March since the start of year: NM2 was poor at the start and is poor now (no movement);
    # NM3 left; NM5 came from near-poor; NM6 is new near-poor.
    assert march["movements"]["poor"] == {
        "start": 3,
        "to_near_poor": 0,
        "exited": 1,
        "not_counted": 0,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 0,
        "from_near_poor": 1,
        "new": 0,
        "returned": 0,
        "end": 3,
    }
    assert march["movements"]["near_poor"] == {
        "start": 2,
        "to_poor": 1,
        "exited": 0,
        "not_counted": 0,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 0,
        "from_poor": 0,
        "new": 1,
        "returned": 0,
        "end": 2,
    }
    # January has no stored previous month
    assert na_mon(results["2024-01"])["movements_month"] is None


def test_vanished_household_is_listed_for_the_officer(year):
    root, out, _ = year
    result, _ = collect(
        root / "input", "2024-02", history=hist.HistoryStore(out / hist.HISTORY_FILE)
    )
    vanished = [i for i in result.issues if i.code == "vanished-household"]
    assert [i.value for i in vanished] == ["NM3 (Hoàng Văn NM3)"]
    moves = result.movement_details
    assert set(moves[(moves["movement"] == "vanished")]["ma_ho"]) == {"NM3"}


def test_store_lists_each_period_once_and_trend_follows(year):
    _, out, results = year
    store = hist.HistoryStore(out / hist.HISTORY_FILE)
    assert [p["period"] for p in store.periods()] == ["2024-01", "2024-02", "2024-03"]
    trend = results["2024-03"]["trend"]["commune"]
    assert [t["period"] for t in trend] == ["2024-01", "2024-02", "2024-03"]
    # January: poor NM1, NM3 + BC1, BC2 = 4 of 300 households
    assert trend[0]["poor"] == 4 and trend[0]["poor_rate"] == pytest.approx(4 / 300 * 100)
    # target path: start rate 5/300 − 1.52 × 3/12 by the end of March
    assert trend[2]["poor_target_rate"] == pytest.approx(5 / 300 * 100 - 1.52 * 3 / 12)


def test_rerunning_a_period_replaces_it_and_gives_identical_json(year):
    root, out, _ = year
    json_path = out / "2024-02" / "TongHop_2024-02.json"
    first = json_path.read_bytes()
    _, written, _ = execute(root / "input", out, "2024-02")
    assert written["replaced_run"] is not None
    assert json_path.read_bytes() == first
    store = hist.HistoryStore(out / hist.HISTORY_FILE)
    assert [p["period"] for p in store.periods()] == ["2024-01", "2024-02", "2024-03"]
    with sqlite3.connect(out / hist.HISTORY_FILE) as conn:
        runs = conn.execute("SELECT period FROM runs ORDER BY run_id").fetchall()
        counts = conn.execute("SELECT COUNT(*) FROM households WHERE period='2024-02'").fetchone()[
            0
        ]
    assert [r[0] for r in runs] == ["2024-01", "2024-02", "2024-03", "2024-02"]  # runs are kept
    assert counts == 4 + 3  # NM1, NM2 (exited), NM4, NM5 + BC1–BC3


def test_running_an_older_period_after_a_newer_one(year):
    root, out, _ = year
    summary = execute(root / "input", out, "2024-01")[0].summary
    assert summary["trend"]["commune"][-1]["period"] == "2024-01"
    assert len(summary["trend"]["commune"]) == 1


def test_a_crash_inside_the_store_transaction_leaves_the_store_as_it_was(year, monkeypatch):
    root, out, _ = year
    path = out / hist.HISTORY_FILE
    before = hist.HistoryStore(path).periods()
    with sqlite3.connect(path) as conn:
        rows_before = conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    result, _ = collect(root / "input", "2024-03", history=hist.HistoryStore(path))

    rows_of = hist._household_rows

    def boom(period, households):  # dies half-way through inserting the households
        rows = list(rows_of(period, households))
        assert len(rows) > 1
        yield from rows[: len(rows) // 2]
        raise OSError("disk yanked")

    monkeypatch.setattr(hist, "_household_rows", boom)
    with pytest.raises(OSError, match="^disk yanked$"):  # half-way, not before it began
        hist.HistoryStore(path).save(result, [], "2026-01-01T00:00:00+00:00", "test")
    assert hist.HistoryStore(path).periods() == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == rows_before


def test_a_crash_while_writing_the_workbook_keeps_the_previous_outputs(year, monkeypatch):
    root, out, _ = year
    workbook = out / "2024-03" / "TongHop_2024-03.xlsx"
    before = workbook.read_bytes()
    import pipeline.report.workbook as report

    def half_written(result, path, *_):
        path.write_bytes(b"PK\x03\x04 half a workbook")
        raise KeyboardInterrupt  # the officer closed the window

    import pipeline.publish

    monkeypatch.setattr(report, "write_consolidated", half_written)
    # publish may hold its own reference to the writer
    monkeypatch.setattr(pipeline.publish, "write_consolidated", half_written, raising=False)
    with pytest.raises(KeyboardInterrupt):
        execute(root / "input", out, "2024-03")
    assert workbook.read_bytes() == before
    assert not list(workbook.parent.glob(".*.tmp"))


def test_sources_are_kept_with_their_hashes(year):
    root, out, _ = year
    sources = out / "2024-03" / "nguon"
    names = sorted(p.name for p in sources.iterdir())
    assert names == ["BanCo_2024-03.xlsx", "KeHoach_2024.xlsx", "NaMon_2024-03.xlsx"]
    manifest = (out / "2024-03" / "nguon-sha256.txt").read_text("utf-8").splitlines()
    from pipeline.archive import sha256_of

    assert f"{sha256_of(root / 'input' / 'NaMon_2024-03.xlsx')}  NaMon_2024-03.xlsx" in manifest
    # the month can be re-run from the kept sources alone
    again = execute(sources, root / "again", "2024-03")[0].summary
    assert again["totals"]["poor"] == 3 + 2


def test_a_store_from_a_newer_tool_is_refused(tmp_path):
    """A store of this schema's tables marked one schema later. Before session 49 the test
    made a file with no table at all, refused as damaged ('thiếu bảng …'), and asked only for
    a HistoryError: it passed without the newer schema ever being looked at."""
    path = tmp_path / hist.HISTORY_FILE
    with sqlite3.connect(path) as conn:
        for statement in hist.SCHEMA:  # this version's tables, as a newer one keeps them
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {hist.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(hist.HistoryError) as refused:
        hist.HistoryStore(path).periods()
    # said in one line with what to do, the store left as it was
    assert hist.SCHEMA_VERSION + 1 == 8
    assert str(refused.value) == (
        f"Kho lịch sử '{path}' được tạo bởi phiên bản mới hơn (lược đồ 8); hãy cập nhật giamngheo."
    )
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 8
    conn.close()


def test_a_store_of_the_first_schema_is_brought_up_to_date_and_kept(year):
    """A history written by the previous version (schema 1: no record of which runs changed
    later periods) is listed as it is (read only too), takes its earlier re-runs as having
    changed what later months took (they are marked, as before), and gains the column when a
    run writes to it, keeping every run."""
    _, out, _ = year
    path = out / hist.HISTORY_FILE
    with sqlite3.connect(path) as conn:  # back to the first schema, as that version left it
        conn.execute("ALTER TABLE runs DROP COLUMN later_affected")
        conn.execute("ALTER TABLE runs DROP COLUMN input_dir")
        conn.execute("PRAGMA user_version = 1")
    store = hist.HistoryStore(path)
    path.chmod(0o444)  # read only: listing it needs no write, and does not change it
    try:
        assert [(p, changed) for p, _, changed in store.reruns()] == [
            ("2024-01", True), ("2024-02", True), ("2024-03", True),
        ]  # fmt: skip
        assert [p["period"] for p in store.periods()] == ["2024-01", "2024-02", "2024-03"]
    finally:
        path.chmod(0o600)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    store.check_writable()  # a run's first step: the store is brought up to date
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == hist.SCHEMA_VERSION == 7
    assert [p["period"] for p in store.periods()] == ["2024-01", "2024-02", "2024-03"]


def test_a_store_of_the_second_schema_gives_the_default_folder_then_keeps_the_one_read(year):
    """Schema 2 kept no input folder: its periods are listed (read only too) with none, which
    `history` takes as the default 'input'. A run brings the store to schema 7 (sessions 25,
    30, 52, 62), keeps every run, and stores the folder it read, as it was given."""
    root, out, _ = year
    path = out / hist.HISTORY_FILE
    with sqlite3.connect(path) as conn:  # back to the second schema, as that version left it
        conn.execute("ALTER TABLE runs DROP COLUMN input_dir")
        conn.execute("PRAGMA user_version = 2")
    conn.close()
    store = hist.HistoryStore(path)
    path.chmod(0o444)
    try:
        assert [(p["period"], p["input_dir"]) for p in store.periods()] == [
            ("2024-01", None), ("2024-02", None), ("2024-03", None),
        ]  # fmt: skip
    finally:
        path.chmod(0o600)
    execute(root / "input", out, "2024-02")
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
        assert conn.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 4
    conn.close()
    assert [(p["period"], p["input_dir"]) for p in store.periods()] == [
        ("2024-01", None), ("2024-02", str(root / "input")), ("2024-03", None),
    ]  # fmt: skip


def test_without_a_start_list_the_first_stored_month_is_the_start(tmp_path):
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder, with_start_list=False)
    write_roster(
        folder,
        "NaMon_01.xlsx",
        "Nà Mòn",
        100,
        [person("NM1", "poor"), person("NM2", "poor")],
        period="2024-01",
    )
    write_roster(
        folder,
        "NaMon_02.xlsx",
        "Nà Mòn",
        100,
        [person("NM1", "poor"), person("NM2", "exited")],
        period="2024-02",
    )
    first = execute(folder, tmp_path / "out", "2024-01")[0].summary
    assert first["start_from"] is None and na_mon(first)["movements"] is None
    second = execute(folder, tmp_path / "out", "2024-02")[0].summary
    assert second["start_from"] == "2024-01"
    assert na_mon(second)["movements"]["poor"]["exited"] == 1


NM6_POOR = person("NM6", "poor")


def _nm6_months(tmp_path, february: dict, january: dict | None = NM6_POOR) -> dict:
    """Nà Mòn's January to March 2024 run one by one (output in tmp_path/output): NM1-3 poor,
    NM4-5 near-poor every month; NM6 new poor in January (``january``; None: not listed) and
    March, written as ``february`` in February. The summaries by month."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    start = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
             person("NM4", "near_poor"), person("NM5", "near_poor")]  # fmt: skip
    months = {"2024-01": january, "2024-02": february, "2024-03": person("NM6", "poor")}
    for month, nm6 in months.items():
        prepared = date(2024, int(month[5:]) + 1, 2)
        rows = [dict(r) for r in start] + ([dict(nm6)] if nm6 else [])
        write_roster(
            folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100, rows, period=month, prepared=prepared
        )
    out = tmp_path / "output"
    return {month: execute(folder, out, month)[0].summary for month in months}


def test_a_household_whose_row_had_an_error_has_not_left_and_cannot_return(tmp_path):
    """NM6 is new poor in January; in February its row has an error (0 people), so it is
    stored as not counted; in March it is fine again. It never left the lists: against
    February, March counts it again ('recounted', not 'new'); against the start of the year it
    is new, but not returned (tái nghèo)."""
    out = tmp_path / "output"
    results = _nm6_months(tmp_path, person("NM6", "poor", nhan_khau=0))
    feb = na_mon(results["2024-02"])
    assert feb["poor"] == 3  # NM1-3; NM6 left out
    assert feb["movements_month"]["poor"] == {
        "start": 4,
        "to_near_poor": 0,
        "exited": 0,
        "not_counted": 1,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 0,
        "from_near_poor": 0,
        "new": 0,
        "returned": 0,
        "end": 3,
    }
    with sqlite3.connect(out / hist.HISTORY_FILE) as conn:
        stored = conn.execute(
            "SELECT status FROM households WHERE period = '2024-02' AND ma_ho = 'NM6'"
        ).fetchall()
    assert stored == [("not_counted",)]
    march = na_mon(results["2024-03"])
    assert march["movements_month"]["poor"] == {
        "start": 3,
        "to_near_poor": 0,
        "exited": 0,
        "not_counted": 0,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 1,
        "from_near_poor": 0,
        "new": 0,
        "returned": 0,
        "end": 4,
    }
    assert march["movements"]["poor"]["new"] == 1 and march["movements"]["poor"]["returned"] == 0


def test_a_row_with_an_error_and_a_mistyped_code_holds_its_household_by_name(tmp_path):
    """As above, but February's row for NM6 also mistypes its code ('NM66': same head, same
    birth year, 0 people). February's table holds NM6 by name (not counted, not gone), so the
    history must too: March counts it again ('recounted') since February, and since the start
    it is new but no tái nghèo (it never left the lists)."""
    nm6 = person("NM6", "poor")
    mistyped = person("NM66", "poor", nhan_khau=0, chu_ho=nm6["chu_ho"],
                      so_dinh_danh=nm6["so_dinh_danh"])  # fmt: skip
    results = _nm6_months(tmp_path, mistyped)
    zero = dict.fromkeys(POOR_MOVES, 0)
    # January's NM1-3 + NM6 = 4; NM6 held by name in February's row with an error = 3
    feb = na_mon(results["2024-02"])
    assert feb["movements_month"]["poor"] == {**zero, "start": 4, "not_counted": 1, "end": 3}
    march = na_mon(results["2024-03"])
    assert march["movements_month"]["poor"] == {**zero, "start": 3, "recounted": 1, "end": 4}
    # since the start (NM1-3): NM6 new in January, never gone
    assert march["movements"]["poor"] == {**zero, "start": 3, "new": 1, "end": 4}


def test_a_hamlet_missing_last_month_is_not_compared_with_an_empty_list(tmp_path):
    """Bản Cọ sends nothing in February and is back in March. March's 'since last month' has
    no February list of Bản Cọ: it is compared with its latest list, January's (session 11;
    its row was blank before), not with an empty list (BC1, BC2, BC3 three new households)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    ban_co = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
    for month in ("2024-01", "2024-02", "2024-03"):
        write_roster(
            folder,
            f"NaMon_{month}.xlsx",
            "Nà Mòn",
            100,
            [person("NM1", "poor"), person("NM2", "poor"), person("NM4", "near_poor")],
            period=month,
        )
        if month != "2024-02":
            write_roster(folder, f"BanCo_{month}.xlsx", "Bản Cọ", 200, ban_co, period=month)
    out = tmp_path / "out"
    for month in ("2024-01", "2024-02"):
        execute(folder, out, month)
    march = execute(folder, out, "2024-03")[0].summary
    by = {h["hamlet"]: h for h in march["hamlets"]}
    assert by["Bản Cọ"]["status"] == "ok" and by["Bản Cọ"]["movements_month_from"] == "2024-01"
    unchanged = dict.fromkeys(POOR_MOVES, 0)
    assert by["Bản Cọ"]["movements_month"]["poor"] == {**unchanged, "start": 2, "end": 2}
    # Nà Mòn against February and Bản Cọ against January: nothing moves.
    assert march["totals"]["movements_month"]["poor"] == {
        "start": 4,
        "to_near_poor": 0,
        "exited": 0,
        "not_counted": 0,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 0,
        "from_near_poor": 0,
        "new": 0,
        "returned": 0,
        "end": 4,
    }
    assert march["totals"]["movements_month"]["near_poor"]["new"] == 0
    # Since the start of the year (the plan's list) Bản Cọ is compared as usual.
    assert by["Bản Cọ"]["movements"]["poor"]["start"] == 2


def test_without_a_start_list_a_hamlet_missing_in_the_first_month_has_no_year_movements(tmp_path):
    """No start list in the plan: January (the first stored month) is the start. Bản Cọ sent
    nothing in January, so in February it has no baseline: blank, not 3 new households, and
    no 'not on the start list' warning for its households."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder, with_start_list=False)
    for month in ("2024-01", "2024-02"):
        write_roster(
            folder,
            f"NaMon_{month}.xlsx",
            "Nà Mòn",
            100,
            [person("NM1", "poor"), person("NM2", "poor")],
            period=month,
        )
    write_roster(
        folder,
        "BanCo_2024-02.xlsx",
        "Bản Cọ",
        200,
        [person("BC1", "poor"), person("BC2", "exited"), person("BC3", "near_poor")],
        period="2024-02",
    )
    out = tmp_path / "out"
    execute(folder, out, "2024-01")
    (feb,) = [execute(folder, out, "2024-02")[0]]
    by = {h["hamlet"]: h for h in feb.summary["hamlets"]}
    assert by["Bản Cọ"]["movements"] is None
    assert feb.summary["totals"]["movements"]["poor"] == {
        "start": 2,
        "to_near_poor": 0,
        "exited": 0,
        "not_counted": 0,
        "moved_out": 0,
        "moved_in": 0,
        "recounted": 0,
        "from_near_poor": 0,
        "new": 0,
        "returned": 0,
        "end": 2,
    }
    assert not [
        i
        for i in feb.issues
        if i.hamlet == "Bản Cọ" and i.code in ("exited-not-listed-at-start", "vanished-household")
    ]
    # No list of Bản Cọ before February at all: its month row is blank too, and both tables say
    # why.
    assert by["Bản Cọ"]["movements_month"] is None
    assert feb.summary["totals"]["movements_month"]["poor"]["start"] == 2
    sheet = openpyxl.load_workbook(out / "2024-02" / "TongHop_2024-02.xlsx")["Biến động"]
    notes = [
        c.value
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith("Để trống:")
    ]
    blank = (
        "Để trống: Bản Cọ — xóm không có danh sách được chấp nhận của tháng 1/2024 "
        "(chưa nộp hoặc bị từ chối), nên không so sánh được; dòng Tổng cộng chỉ gồm "
        "các xóm có số liệu."
    )
    assert notes == [blank, blank]


def test_without_a_start_list_the_summary_page_names_the_month_counted_from(tmp_path):
    """As above: the changes on 'Tổng hợp' count from January, not from the start of the year,
    and leave Bản Cọ out; the page says both beside the counts (2 poor in January and now,
    while Tổng hợp's 'Số hộ hiện tại' counts Bản Cọ's 1 poor too)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder, with_start_list=False)
    for month in ("2024-01", "2024-02"):
        write_roster(folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100,
                     [person("NM1", "poor"), person("NM2", "poor")], period=month)  # fmt: skip
    write_roster(folder, "BanCo_2024-02.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                 period="2024-02")  # fmt: skip
    out = tmp_path / "out"
    execute(folder, out, "2024-01")
    execute(folder, out, "2024-02")
    ws = openpyxl.load_workbook(out / "2024-02" / "TongHop_2024-02.xlsx")["Tổng hợp"]
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value}
    start, end = rows["Tháng 1/2024"], rows["Hiện tại"]
    assert "Đầu năm" not in rows
    assert (ws.cell(start, 2).value, ws.cell(end, 2).value) == (2, 2)
    assert ws.cell(end, 4).value == (
        "Không gồm Bản Cọ: không có danh sách được chấp nhận tháng 1/2024 để so sánh"
    )


def test_a_late_file_alone_does_not_replace_a_consolidated_month(tmp_path):
    """May was consolidated with Nà Mòn and Bản Cọ. The officer empties the input folder and
    drops in Nà Mòn's corrected May file alone: the run stops (exit 2) rather than replace May
    by Nà Mòn only and its archived sources by one file; --replace does it on purpose."""
    from pipeline.run import FatalError

    first, second = tmp_path / "in1", tmp_path / "in2"
    first.mkdir()
    second.mkdir()
    write_plan(first)
    write_plan(second)
    write_roster(first, "NaMon.xlsx", "Nà Mòn", 100, [person("NM1", "poor")])
    write_roster(first, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    write_roster(
        second,
        "NaMon_sua.xlsx",
        "Nà Mòn",
        100,
        [person("NM1", "poor"), person("NM2", "poor")],
        prepared=date(2024, 6, 9),
    )
    out = tmp_path / "out"
    execute(first, out, None)
    archived = sorted(p.name for p in (out / "2024-05" / "nguon").iterdir())
    before = (out / "2024-05" / "TongHop_2024-05.json").read_bytes()
    with pytest.raises(FatalError) as stopped:
        execute(second, out, None)
    assert str(stopped.value).startswith(
        "Kỳ 05/2024 đã được tổng hợp với 2 xóm; lần chạy này "
        "không có tệp của 1 xóm trong số đó (Bản Cọ)"
    )
    assert str(out / "2024-05" / "nguon") in str(stopped.value)
    assert (out / "2024-05" / "TongHop_2024-05.json").read_bytes() == before
    assert sorted(p.name for p in (out / "2024-05" / "nguon").iterdir()) == archived
    assert hist.HistoryStore(out / hist.HISTORY_FILE).periods()[0]["totals"]["poor"] == 2
    # with --replace, May is Nà Mòn's alone
    result = execute(second, out, None, replace=True)[0]
    assert result.summary["totals"]["poor"] == 2 and result.summary["complete"] is False


def test_rerunning_an_earlier_month_with_new_figures_says_later_months_are_stale(year):
    from pipeline.output import NOTICES

    root, out, _ = year
    execute(root / "input", out, "2024-02")  # unchanged: nothing to say
    assert not [n for n in NOTICES if "Các kỳ sau" in n]
    write_roster(
        root / "input",
        "NaMon_2024-02_sua.xlsx",
        "Nà Mòn",
        100,
        [person("NM1", "poor"), person("NM4", "near_poor")],
        period="2024-02",
        prepared=date(2024, 3, 20),
    )
    # the run was given its folders, so the command to paste names them too
    execute(root / "input", out, "2024-02", command=RunCommand(root / "input", out))
    folders = f"--input {shlex.quote(str(root / 'input'))} --output {shlex.quote(str(out))}"
    assert [n for n in NOTICES if n.startswith("Các kỳ sau")] == [
        "Các kỳ sau (03/2024) đã được tổng hợp với số liệu cũ của kỳ 02/2024: biến động so với "
        "tháng trước, số hộ tái nghèo và xu hướng của các kỳ đó chưa theo số liệu mới. Hãy chạy "
        f"lại các kỳ đó, theo thứ tự: giamngheo run {folders} --period 2024-03"
    ]


def test_warnings_about_exits_take_the_history_into_account(tmp_path):
    """January: NM6 joins the poor list (not on the start list); NM2 is marked Thoát.
    February: NM6 is marked Thoát; NM2 still Thoát. March: NM2's row is removed.
    Neither deserves a 'check this' warning: NM6 was on January's list, NM2 left in January."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    months = {
        "2024-01": [
            person("NM1", "poor"),
            person("NM2", "exited"),
            person("NM3", "poor"),
            person("NM4", "near_poor"),
            person("NM5", "near_poor"),
            person("NM6", "poor"),
        ],
        "2024-02": [
            person("NM1", "poor"),
            person("NM2", "exited"),
            person("NM3", "poor"),
            person("NM4", "near_poor"),
            person("NM5", "near_poor"),
            person("NM6", "exited"),
        ],
        "2024-03": [
            person("NM1", "poor"),
            person("NM3", "poor"),
            person("NM4", "near_poor"),
            person("NM5", "near_poor"),
        ],
    }
    for month, rows in months.items():
        write_roster(folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100, rows, period=month)
        write_roster(
            folder,
            f"BanCo_{month}.xlsx",
            "Bản Cọ",
            200,
            [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")],
            period=month,
        )
    out = tmp_path / "out"
    january = execute(folder, out, "2024-01")[0]
    february = execute(folder, out, "2024-02")[0]
    march = execute(folder, out, "2024-03")[0]
    codes = ("exited-not-listed-at-start", "vanished-household")
    assert [(i.code, i.value) for i in january.issues if i.code in codes] == []
    assert [(i.code, i.value) for i in february.issues if i.code in codes] == []
    assert [(i.code, i.value) for i in march.issues if i.code in codes] == []
    # The figures are unchanged by this: NM2 has exited since the start of the year.
    assert na_mon(march.summary)["movements"]["poor"]["exited"] == 1
    # Without the history (a first run of February alone) NM6's Thoát is worth a check.
    alone = execute(folder, tmp_path / "fresh", "2024-02")[0]
    assert [(i.code, i.value) for i in alone.issues if i.code in codes] == [
        ("exited-not-listed-at-start", "NM6")
    ]


def _trend_path_table(path) -> dict[str, float]:
    """'Xu hướng''s printed commune table: each row's label -> its poor target path (col. E)."""
    ws = openpyxl.load_workbook(path)["Xu hướng"]
    first = next(r for r in range(1, 40) if ws.cell(r, 1).value == "Đầu năm")
    rows, r = {}, first
    while ws.cell(r, 1).value:
        if ws.cell(r, 5).value is not None:
            rows[ws.cell(r, 1).value] = ws.cell(r, 5).value
        r += 1
    return rows


def test_the_trend_has_one_target_path_for_every_month(tmp_path):
    """Session 52: one straight path, the plan's target from this month's start rate (the
    table's 'Đầu năm'), in the JSON, the table and the chart alike. January: all three
    hamlets (6 poor in 450 households at the start). February: Đồng Kè sends nothing, its start
    over the two others 5 in 300, 1.6667 %: January's path 1.6667 − 1.52 × 1/12 = 1.5400 (it
    was January's own 6/450 − 1.52/12 = 1.2067), February's 1.6667 − 1.52 × 2/12 = 1.4133.
    March: all three, the plan corrected to 1.60 points: every month's path is the corrected
    plan's from 6/450 = 1.3333 %: January 1.3333 − 0.1333 = 1.2000, February 1.0667, March
    0.9333 (February's 'Đầu năm' over two hamlets and the old target gave it 1.4133)."""
    from tests.commune import PLAN_INFO, plan_hamlets, start_list, write_plan_workbook
    from tests.test_session29_outputs import trend_chart

    folder = tmp_path / "input"
    folder.mkdir()
    plan = write_plan(folder)
    for month in ("2024-01", "2024-02", "2024-03"):
        write_roster(
            folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100, [person("NM1", "poor")], period=month
        )
        write_roster(
            folder, f"BanCo_{month}.xlsx", "Bản Cọ", 200, [person("BC1", "poor")], period=month
        )
    for month in ("2024-01", "2024-03"):
        write_roster(
            folder, f"DongKe_{month}.xlsx", "Đồng Kè", 150, [person("DK1", "poor")], period=month
        )
    out = tmp_path / "out"
    execute(folder, out, "2024-01")
    february = execute(folder, out, "2024-02")[0].summary
    path = {m["period"]: m["poor_target_rate"] for m in february["trend"]["commune"]}
    assert path == {
        "2024-01": pytest.approx(5 / 300 * 100 - 1.52 / 12),
        "2024-02": pytest.approx(5 / 300 * 100 - 1.52 * 2 / 12),
    }
    assert round(path["2024-01"], 4) == 1.54 and round(path["2024-02"], 4) == 1.4133
    book = out / "2024-02" / "TongHop_2024-02.xlsx"
    table = {k: round(v, 4) for k, v in _trend_path_table(book).items()}
    assert table == {"Đầu năm": 1.6667, "Tháng 1": 1.54, "Tháng 2 (*)": 1.4133,
                     "Mục tiêu cuối năm 2024": 0.1467}  # fmt: skip
    _, chart = trend_chart(book)
    assert round(chart["poor_path"]["Tháng 1"], 4) == 1.54
    assert round(chart["poor_path"]["Tháng 2 (*)"], 4) == 1.4133
    # March under the corrected plan: the months before it on the corrected plan's path.
    write_plan_workbook(plan, {**PLAN_INFO, "poor_target": 1.60}, plan_hamlets(), start_list())
    march = execute(folder, out, "2024-03")[0].summary
    path = {m["period"]: round(m["poor_target_rate"], 4) for m in march["trend"]["commune"]}
    assert path == {"2024-01": 1.2, "2024-02": 1.0667, "2024-03": 0.9333}
    book = out / "2024-03" / "TongHop_2024-03.xlsx"
    table = {k: round(v, 4) for k, v in _trend_path_table(book).items()}
    assert table == {"Đầu năm": 1.3333, "Tháng 1": 1.2, "Tháng 2 (*)": 1.0667, "Tháng 3": 0.9333,
                     "Mục tiêu cuối năm 2024": 0.0}  # fmt: skip
    _, chart = trend_chart(book)
    drawn = {m: round(v, 4) for m, v in chart["poor_path"].items() if v is not None}
    assert [drawn[m] for m in ("Tháng 1", "Tháng 2 (*)", "Tháng 3")] == [1.2, 1.0667, 0.9333]


def test_the_trends_partial_note_says_a_month_over_other_hamlets_is_not_read_on_the_path(
    tmp_path,
):
    """Session 52: the one path is over this month's hamlets (CONTRACT §4 defines no path;
    its reduction compares like with like), so the "(*)" note says a month marked covers its
    own hamlets and the path this month's (one line, as before: the page breaks stay). January,
    all three hamlets: no "(*)" note. February without Đồng Kè: the note, whole; before, it
    said nothing of the path."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    for month in ("2024-01", "2024-02"):
        write_roster(
            folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100, [person("NM1", "poor")], period=month
        )
        write_roster(
            folder, f"BanCo_{month}.xlsx", "Bản Cọ", 200, [person("BC1", "poor")], period=month
        )
    write_roster(
        folder, "DongKe_2024-01.xlsx", "Đồng Kè", 150, [person("DK1", "poor")], period="2024-01"
    )
    out = tmp_path / "out"
    execute(folder, out, "2024-01")
    execute(folder, out, "2024-02")

    def notes(period: str) -> list[str]:
        ws = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Xu hướng"]
        return [v for (v,) in ws.iter_rows(min_col=1, max_col=1, values_only=True)
                if isinstance(v, str) and v.startswith("(*)")]  # fmt: skip

    assert notes("2024-01") == []
    assert notes("2024-02") == [
        "(*) Chưa đủ các xóm: toàn xã chỉ tính các xóm đã tổng hợp tháng đó; lộ trình tính trên "
        "các xóm tháng này."
    ]


def test_a_locked_history_store_stops_the_run_before_the_outputs_are_replaced(year, monkeypatch):
    """Another program holds the store's write lock: the run stops (an error the CLI turns
    into exit 2) and March's workbook and JSON stay those of the last run that was stored."""
    root, out, _ = year
    write_roster(
        root / "input",
        "NaMon_2024-03_sua.xlsx",
        "Nà Mòn",
        100,
        [person("NM1", "poor")],
        period="2024-03",
        prepared=date(2024, 4, 20),
    )
    before = (out / "2024-03" / "TongHop_2024-03.json").read_bytes()
    connect = sqlite3.connect
    monkeypatch.setattr(
        hist.sqlite3, "connect", lambda *a, **k: connect(*a, **dict(k, timeout=0.2))
    )
    holder = connect(out / hist.HISTORY_FILE, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(hist.HistoryError, match="kho đang bị chương trình khác giữ") as held:
            execute(root / "input", out, "2024-03")
        assert f"'{out / hist.HISTORY_FILE}'" in str(held.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert (out / "2024-03" / "TongHop_2024-03.json").read_bytes() == before


def test_the_command_refuses_a_run_that_would_drop_consolidated_hamlets(tmp_path):
    import subprocess
    import sys

    first, second = tmp_path / "in1", tmp_path / "in2"
    for folder in (first, second):
        folder.mkdir()
        write_plan(folder)
    write_roster(first, "NaMon.xlsx", "Nà Mòn", 100, [person("NM1", "poor")])
    write_roster(first, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    write_roster(second, "NaMon.xlsx", "Nà Mòn", 100, [person("NM1", "poor")])
    out = tmp_path / "out"

    def run(folder, *extra):
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "pipeline",
                "run",
                "--input",
                str(folder),
                "--output",
                str(out),
                "--quiet",
                *extra,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert run(first).returncode == 0
    refused = run(second)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert (
        refused.stderr.strip()
        .splitlines()[0]
        .startswith("LỖI: Kỳ 05/2024 đã được tổng hợp với 2 xóm")
    )
    assert "--replace" in refused.stderr
    replaced = run(second, "--replace")
    assert replaced.returncode == 0
    # The copy of Bản Cọ's roster the refusal pointed to is kept, not deleted with the month's
    # old sources: 'nguon' holds this run's files, 'nguon-cu-…' the earlier ones.
    month = out / "2024-05"
    assert sorted(p.name for p in (month / "nguon").iterdir()) == [
        "KeHoach_2024.xlsx",
        "NaMon.xlsx",
    ]
    [kept] = month.glob("nguon-cu-*")
    assert sorted(p.name for p in kept.iterdir()) == [
        "BanCo.xlsx",
        "KeHoach_2024.xlsx",
        "NaMon.xlsx",
    ]
    assert f"được giữ trong '{kept}'" in replaced.stdout + replaced.stderr


def test_last_months_outputs_dropped_into_the_input_folder_are_skipped(tmp_path):
    """The public list has a hamlet's households under a title naming the hamlet and month:
    read as a roster it stood in for Nà Mòn's real file (refused, the hamlet dropped). Both
    outputs are now skipped with a note, and the figures are those of the rosters alone."""
    import shutil

    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    write_roster(
        folder, "NaMon.xlsx", "Nà Mòn", 100, [person("NM1", "poor"), person("NM4", "near_poor")]
    )
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200, [person("BC1", "poor")])
    first = execute(folder, tmp_path / "out", None)[0].summary
    for name in ("NiemYet_2024-05.xlsx", "TongHop_2024-05.xlsx"):
        shutil.copy(tmp_path / "out" / "2024-05" / name, folder / name)
    again, _ = collect(folder, None)
    assert again.summary["totals"] == first["totals"]
    assert [h["status"] for h in again.summary["hamlets"]] == [
        h["status"] for h in first["hamlets"]
    ]
    skipped = sorted((i.file, i.message()) for i in again.issues if i.code == "own-output")
    assert skipped == [
        (
            "NiemYet_2024-05.xlsx",
            "Đây là danh sách niêm yết do giamngheo tạo, không phải danh sách "
            "của xóm; đã bỏ qua. Không cần để tệp kết quả trong thư mục đầu vào.",
        ),
        (
            "TongHop_2024-05.xlsx",
            "Đây là bảng tổng hợp do giamngheo tạo, không phải danh sách của "
            "xóm; đã bỏ qua. Không cần để tệp kết quả trong thư mục đầu vào.",
        ),
    ]


def test_a_month_rerun_only_because_the_month_before_changed_says_nothing_of_later_ones(year):
    """January corrected (NM5 near-poor → poor): re-running January flags February and March.
    Re-running February then changes only February's own 'since last month' table — nothing
    March took from February — so no notice."""
    from pipeline.output import NOTICES

    root, out, _ = year
    write_roster(
        root / "input",
        "NaMon_2024-01_sua.xlsx",
        "Nà Mòn",
        100,
        [
            person("NM1", "poor"),
            person("NM2", "exited"),
            person("NM3", "poor"),
            person("NM4", "near_poor"),
            person("NM5", "poor"),
        ],
        period="2024-01",
        prepared=date(2024, 2, 20),
    )
    execute(root / "input", out, "2024-01")
    assert [n[:24] for n in NOTICES if n.startswith("Các kỳ sau")] == ["Các kỳ sau (02/2024, 03/"]
    execute(root / "input", out, "2024-02")
    assert not [n for n in NOTICES if n.startswith("Các kỳ sau")]


def test_history_marks_months_run_before_an_earlier_month_was_run_again(year):
    """January run again unchanged (to print it again): nothing is marked. January corrected
    (NM5 near-poor → poor) and run again: February and March, run on its old figures, are."""
    import subprocess
    import sys
    from pathlib import Path

    root, out, _ = year

    def history() -> list[str]:
        shown = subprocess.run(
            [sys.executable, "-m", "pipeline", "history", "--output", str(out), "--lang", "en"],
            cwd=Path(__file__).resolve().parents[1],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "TZ": "Asia/Ho_Chi_Minh"},
        )
        return shown.stdout.splitlines()

    # No pause between the runs: which ran first is told by the run's id, not by its time
    # stamped to the second.
    execute(root / "input", out, "2024-01")
    lines = history()
    assert lines[0].split() == [
        "Period", "Households", "Poor", "Rate", "%", "Near-poor", "Rate", "%", "All", "Run", "at",
    ]  # fmt: skip
    # Nà Mòn 100 + Bản Cọ 200 households; January: NM1, NM3 + BC1, BC2 poor = 4 (1.33 %),
    # NM4, NM5 + BC3 near-poor = 3.
    assert lines[1].split()[:5] == ["2024-01", "300", "4", "1.33", "3"]
    assert len(lines) == 4 and not [line for line in lines if line.endswith(" *")]
    # The time as the officer's clock shows it (UTC+7 in Vietnam), not UTC.
    stored = hist.HistoryStore(out / hist.HISTORY_FILE).periods()[0]["ran_at"]
    local = datetime.fromisoformat(stored) + timedelta(hours=7)
    assert lines[1].split()[-2:] == [local.strftime("%Y-%m-%d"), local.strftime("%H:%M")]
    write_roster(root / "input", "NaMon_2024-01_sua.xlsx", "Nà Mòn", 100, [
        person("NM1", "poor"), person("NM2", "exited"), person("NM3", "poor"),
        person("NM4", "near_poor"), person("NM5", "poor"),
    ], period="2024-01", prepared=date(2024, 2, 20))  # fmt: skip
    execute(root / "input", out, "2024-01")
    lines = history()
    assert [line.endswith(" *") for line in lines[1:4]] == [False, True, True]
    assert lines[4].startswith("* Run before an earlier period was run again with new figures")
    # February and March, in order, ready to paste as this command was started (-m pipeline),
    # each with the input folder its stored run read (not the default 'input')
    program = f"{shlex.quote(sys.executable)} -m pipeline"
    folders = f"--input {shlex.quote(str(root / 'input'))} --output {shlex.quote(str(out))}"
    assert lines[4].endswith(
        f"run those periods again, in order: {program} run {folders} --period 2024-02; "
        f"{program} run {folders} --period 2024-03"
    )
    # Runs stamped within one second (the stamp's precision) are still told apart.
    with sqlite3.connect(out / hist.HISTORY_FILE) as conn:
        conn.execute("UPDATE runs SET ran_at = '2024-04-01T02:00:00+00:00'")
    conn.close()
    assert [line.endswith(" *") for line in history()[1:4]] == [False, True, True]


def test_a_december_run_again_with_new_figures_flags_the_next_january(tmp_path):
    """December corrected after January of the next year was run: January's 'since last month'
    is built on the old December, so the run says so, and `history` marks January."""
    from pipeline.output import NOTICES

    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    rows = [person("NM1", "poor"), person("NM2", "poor"), person("NM4", "near_poor")]
    write_roster(folder, "NaMon_2024-12.xlsx", "Nà Mòn", 100, rows, period="2024-12",
                 prepared=date(2025, 1, 2))  # fmt: skip
    out = tmp_path / "output"
    execute(folder, out, "2024-12")
    store = hist.HistoryStore(out / hist.HISTORY_FILE)
    with sqlite3.connect(store.path) as conn:  # January 2025 stored as run (a copy of December)
        conn.execute(
            "INSERT INTO runs (period, commune, ran_at, tool_version, summary, later_affected) "
            "SELECT '2025-01', commune, '2025-02-03T01:00:00+00:00', tool_version, summary, 0 "
            "FROM runs"
        )
        run_id = conn.execute("SELECT max(run_id) FROM runs").fetchone()[0]
        conn.execute(
            "INSERT INTO snapshots SELECT '2025-01', ?, commune, 2025, complete, summary "
            "FROM snapshots WHERE period = '2024-12'", (run_id,),
        )  # fmt: skip
    execute(folder, out, "2024-12")  # the same figures: nothing to say
    assert not [n for n in NOTICES if n.startswith("Các kỳ sau")]
    write_roster(folder, "NaMon_2024-12_sua.xlsx", "Nà Mòn", 100, rows[:1] + rows[2:],
                 period="2024-12", prepared=date(2025, 1, 5))  # fmt: skip
    execute(folder, out, "2024-12")
    assert [n for n in NOTICES if n.startswith("Các kỳ sau")][0].startswith(
        "Các kỳ sau (01/2025) đã được tổng hợp với số liệu cũ của kỳ 12/2024"
    )
    assert [(p, changed) for p, _, changed in store.reruns()] == [
        ("2024-12", False), ("2025-01", False), ("2024-12", False), ("2024-12", True),
    ]  # fmt: skip


def test_a_household_dropped_in_the_first_stored_month_and_back_is_a_return(tmp_path):
    """Nà Mòn's start list has NM1–NM3 poor, NM4–NM5 near-poor. January (the first month
    run) leaves NM3 off the list unmarked: it left the lists then (since the start of the year:
    'no longer listed'). February lists it poor again: against January it is new and tái nghèo
    (returned), as it is when it left in a later month; since the start of the year it is
    where it began (3 poor at the start and now)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    others = [person("NM4", "near_poor"), person("NM5", "near_poor")]
    months = {
        "2024-01": [person("NM1", "poor"), person("NM2", "poor"), *others],
        "2024-02": [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"), *others],
    }
    for month, rows in months.items():
        prepared = date(2024, int(month[5:]) + 1, 2)
        write_roster(
            folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100, rows, period=month, prepared=prepared
        )
    out = tmp_path / "output"
    january = na_mon(execute(folder, out, "2024-01")[0].summary)
    assert january["movements"]["poor"]["exited"] == 1
    february = na_mon(execute(folder, out, "2024-02")[0].summary)
    assert february["movements_month"]["poor"]["new"] == 1
    assert february["movements_month"]["poor"]["returned"] == 1
    year = february["movements"]["poor"]
    assert (year["start"], year["exited"], year["new"], year["end"]) == (3, 0, 0, 3)


def _snapshot(out) -> dict:
    """Every file of an output folder (the history's rows instead of its bytes) by path."""
    files = {}
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.name != hist.HISTORY_FILE:
            files[str(path.relative_to(out))] = path.read_bytes()
    with sqlite3.connect(out / hist.HISTORY_FILE) as conn:
        for table in ("runs", "snapshots", "households", "hamlet_figures", "run_files"):
            files[table] = conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
    return files


def _changed_march(root) -> None:
    """March's Nà Mòn list with NM6 poor instead of near-poor: new figures for the run."""
    write_roster(root / "input", "NaMon_2024-03.xlsx", "Nà Mòn", 100, [
        person("NM1", "poor"), person("NM2", "poor"), person("NM4", "near_poor"),
        person("NM5", "poor"), person("NM6", "poor"),
    ], period="2024-03", prepared=date(2024, 4, 2))  # fmt: skip


def test_a_history_that_fails_to_commit_leaves_every_output_as_it_was(year, monkeypatch):
    """The history cannot commit (a disk error) after every output was written: the previous
    month's workbook, JSON, public list, feedback and copied sources are all still there,
    byte for byte, beside the history they agree with; no temporary file is left."""
    root, out, _ = year
    before = _snapshot(out)
    _changed_march(root)
    save = hist.HistoryStore.save

    def failing(self, *args, before_commit=None, **kwargs):
        def then_fail(run_id):
            before_commit(run_id)  # the outputs are put in place, as in a real run...
            raise sqlite3.OperationalError("disk I/O error")  # ...and the commit fails

        return save(self, *args, before_commit=then_fail, **kwargs)

    monkeypatch.setattr(hist.HistoryStore, "save", failing)
    with pytest.raises(hist.HistoryError, match="các tệp kết quả và lịch sử cũ vẫn giữ nguyên"):
        execute(root / "input", out, "2024-03")
    assert _snapshot(out) == before
    assert not [p for p in out.rglob(".*") if p.name != hist.HISTORY_FILE]


def test_a_first_run_whose_history_fails_to_commit_leaves_no_empty_folders(tmp_path, monkeypatch):
    """A month never run before, its history failing at the commit: its month folder and
    'PhanHoi' (a feedback file was staged there) are not left behind, empty."""
    root = tmp_path
    three_months(root / "input")
    # Nà Mòn's NM1 with 0 people: March has a feedback file to write
    write_roster(root / "input", "NaMon_2024-03.xlsx", "Nà Mòn", 100, [
        person("NM1", "poor", nhan_khau=0), person("NM2", "poor"), person("NM4", "near_poor"),
    ], period="2024-03", prepared=date(2024, 4, 2))  # fmt: skip
    out = tmp_path / "output"
    save = hist.HistoryStore.save
    staged_feedback = []

    def failing(self, *args, before_commit=None, **kwargs):
        def then_fail(run_id):
            before_commit(run_id)
            staged_feedback.extend(out.glob("2024-03/PhanHoi/*.xlsx"))
            raise sqlite3.OperationalError("disk I/O error")

        return save(self, *args, before_commit=then_fail, **kwargs)

    monkeypatch.setattr(hist.HistoryStore, "save", failing)
    with pytest.raises(hist.HistoryError) as stopped:
        execute(root / "input", out, "2024-03")
    # the store's own failure, with its reason, and that nothing was replaced
    said = str(stopped.value)
    assert said.startswith(f"Không ghi được vào kho lịch sử '{out / hist.HISTORY_FILE}' (disk I/O")
    assert "các tệp kết quả và lịch sử cũ vẫn giữ nguyên" in said
    assert [p.name for p in staged_feedback] == ["Nà Mòn_2024-03.xlsx"]
    assert not (out / "2024-03").exists(), sorted(str(p) for p in (out / "2024-03").rglob("*"))


def test_an_interruption_after_the_public_list_was_written_changes_nothing(year, monkeypatch):
    """Ctrl-C while the sources are copied (the workbook, JSON, public list and feedback are
    written by then): nothing of the new run is in place."""
    root, out, _ = year
    before = _snapshot(out)
    _changed_march(root)
    import pipeline.archive

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline.archive, "archive_sources", interrupted)
    with pytest.raises(KeyboardInterrupt):
        execute(root / "input", out, "2024-03")
    assert _snapshot(out) == before
    assert not [p for p in out.rglob(".*") if p.name != hist.HISTORY_FILE]


def test_the_same_run_without_a_fault_puts_everything_in_place(year):
    """The control: the changed March run, not interrupted, replaces the outputs and the
    history together (Nà Mòn 4 poor in both)."""
    root, out, _ = year
    _changed_march(root)
    result, written, _ = execute(root / "input", out, "2024-03")
    assert na_mon(json.loads(written["json"].read_text()))["poor"] == 4
    stored = hist.HistoryStore(out / hist.HISTORY_FILE).periods()
    march = next(p for p in stored if p["period"] == "2024-03")
    assert na_mon(march)["poor"] == 4
    assert not [p for p in out.rglob(".*") if p.name != hist.HISTORY_FILE]


def _killed_in_the_commit(monkeypatch, after_history_commit: bool) -> None:
    """The run dies in its commit (SIGKILL: no clean-up of its own): between renaming its
    outputs into place and the history's commit, or just after that commit."""
    from pipeline import output

    class Killed(BaseException):
        pass

    monkeypatch.setattr(output.Staged, "undo", lambda self: None)  # no clean-up: it died
    monkeypatch.setattr(output.Staged, "discard", lambda self: None)
    if after_history_commit:

        def die(self):
            raise Killed

        monkeypatch.setattr(output.Staged, "finish", die)
    else:
        commit = output.Staged.commit

        def die_after(self, journal=None, run=None):
            commit(self, journal, run)
            raise Killed

        monkeypatch.setattr(output.Staged, "commit", die_after)
    return Killed


def test_a_run_killed_between_its_renames_and_the_history_commit_is_undone_next_time(
    year, monkeypatch
):
    """SIGKILL after the new outputs were renamed into place, before the history committed:
    the next run's lock reads the commit's journal, finds the run not in the history, and puts
    every previous file back (the mix used to stay for good)."""
    from pipeline.lock import RunLock

    root, out, _ = year
    before = _snapshot(out)
    _changed_march(root)
    killed = _killed_in_the_commit(monkeypatch, after_history_commit=False)
    with pytest.raises(killed):
        execute(root / "input", out, "2024-03")
    assert (out / ".giamngheo-commit.json").exists()
    monkeypatch.undo()
    with RunLock(out):
        pass
    assert _snapshot(out) == before
    assert not [p for p in out.rglob(".*") if p.name != hist.HISTORY_FILE]


def test_a_run_killed_just_after_the_history_commit_is_finished_next_time(year, monkeypatch):
    """SIGKILL after the history committed, before the replaced files were dropped: the next
    run's lock finds the run in the history and finishes it (the files it replaced go; they
    used to come back, beside the new history)."""
    from pipeline.lock import RunLock

    root, out, _ = year
    _changed_march(root)
    killed = _killed_in_the_commit(monkeypatch, after_history_commit=True)
    with pytest.raises(killed):
        execute(root / "input", out, "2024-03")
    monkeypatch.undo()
    with RunLock(out):
        pass
    killed_run = _snapshot(out)
    assert not [p for p in out.rglob(".*") if p.name != hist.HISTORY_FILE]
    execute(root / "input", out, "2024-03")  # the same run again, not interrupted
    again = _snapshot(out)
    files = [k for k in killed_run if "/" in k]
    assert {k: killed_run[k] for k in files} == {k: again[k] for k in files if k in again}
    assert na_mon(json.loads((out / "2024-03" / "TongHop_2024-03.json").read_text()))["poor"] == 4


def test_a_household_marked_thoat_earlier_is_exited_not_to_confirm_and_kept_rows_next_year(
    tmp_path,
):
    """Nà Mòn's NM3 (poor at the start) is marked Thoát in January and left off in February:
    February's list says it exited (no 'please confirm', no warning), as it does for NM2 left
    off unmarked in February ('please confirm', and warned). In January 2025 (a plan whose start
    list no longer has NM3) the hamlet still writes NM3 as Thoát: no 'not on the start list'
    warning, the history knows it; NM9, never seen, gets one."""
    from tests.commune import write_plan_2025

    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    others = [person("NM4", "near_poor"), person("NM5", "near_poor")]
    months = {
        "2024-01": [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "exited")],
        "2024-02": [person("NM1", "poor")],
    }
    out = tmp_path / "output"
    for month, rows in months.items():
        write_roster(folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100, rows + others, period=month,
                     prepared=date(2024, int(month[5:]) + 1, 2))  # fmt: skip
    execute(folder, out, "2024-01")
    february, _, _ = execute(folder, out, "2024-02")
    year = february.movement_details
    year = year[(year["scope"] == "year") & (year["hamlet"] == "Nà Mòn")]
    moves = dict(zip(year["ma_ho"], year["movement"], strict=True))
    assert (moves["NM3"], moves["NM2"]) == ("exited", "vanished")
    warned = [i.value for i in february.issues if i.code == "vanished-household"]
    assert warned == ["NM2 (Hoàng Văn NM2)"]
    # 2025: a plan whose start list is February's (NM1 poor, NM4, NM5 near-poor in Nà Mòn)
    nxt = tmp_path / "input2025"
    nxt.mkdir()
    write_plan_2025(nxt, (1, 2), ("NM2", "NM3"))
    write_roster(nxt, "NaMon_2025-01.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM3", "exited"), person("NM9", "exited"),
                  *others], period="2025-01", prepared=date(2025, 2, 3))  # fmt: skip
    january, _, _ = execute(nxt, out, "2025-01")
    unknown = [i.value for i in january.issues if i.code == "exited-not-listed-at-start"]
    assert unknown == ["NM9"]


def _january_run_with_na_mon_alone(tmp_path):
    """Nà Mòn's January and February lists (NM1 poor) in the input; January run while Bản Cọ
    had sent nothing. Returns (input folder, output folder)."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    for month in ("2024-01", "2024-02"):
        write_roster(folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100, [person("NM1", "poor")],
                     period=month, prepared=date(2024, int(month[5:]) + 1, 2))  # fmt: skip
    out = tmp_path / "output"
    execute(folder, out, "2024-01")
    return folder, out


def test_a_late_file_for_a_month_run_without_it_is_pointed_out(tmp_path):
    """January was run while Bản Cọ had sent nothing; its January list arrives with February's.
    The February run says to run January again; once January has it, nothing is said; a
    corrected copy of it arriving later is said again."""
    from pipeline.output import NOTICES

    folder, out = _january_run_with_na_mon_alone(tmp_path)
    write_roster(folder, "BanCo_2024-02.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                 period="2024-02", prepared=date(2024, 3, 2))  # fmt: skip
    execute(folder, out, "2024-02")
    assert not [n for n in NOTICES if n.startswith("Có danh sách kỳ")]
    write_roster(folder, "BanCo_2024-01.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                 period="2024-01", prepared=date(2024, 3, 2))  # fmt: skip
    execute(folder, out, "2024-02")
    assert [n for n in NOTICES if n.startswith("Có danh sách kỳ")] == [
        "Có danh sách kỳ 01/2024 của xóm Bản Cọ ('BanCo_2024-01.xlsx'), kỳ mà khi tổng hợp xóm "
        "chưa nộp hoặc bị từ chối. Để tính vào kỳ đó, hãy chạy lại: giamngheo run --period 2024-01"
    ]
    execute(folder, out, "2024-01")
    execute(folder, out, "2024-02")
    assert not [n for n in NOTICES if n.startswith("Có danh sách kỳ")]
    # A corrected copy of Bản Cọ's January list, after January counted the first one.
    write_roster(folder, "BanCo_2024-01_sua.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC2", "poor")], period="2024-01",
                 prepared=date(2024, 3, 9))  # fmt: skip
    execute(folder, out, "2024-02")
    assert [n for n in NOTICES if n.startswith("Có danh sách kỳ")] == [
        "Có danh sách kỳ 01/2024 của xóm Bản Cọ ('BanCo_2024-01_sua.xlsx') khác với tệp đã dùng "
        "khi tổng hợp kỳ đó (có thể là bản sửa). Để tính lại kỳ đó, hãy chạy lại: giamngheo run "
        "--period 2024-01"
    ]


def test_a_month_with_a_late_list_and_a_corrected_copy_is_one_notice_with_one_command(tmp_path):
    """January was run with Nà Mòn's list while Bản Cọ had sent nothing. With February's files
    come Bản Cọ's January list (nothing valid then) and a corrected copy of Nà Mòn's January
    list (counted then): one notice names both, and gives the January command once."""
    from pipeline.output import NOTICES

    folder, out = _january_run_with_na_mon_alone(tmp_path)
    write_roster(folder, "BanCo_2024-01.xlsx", "Bản Cọ", 200, [person("BC1", "poor")],
                 period="2024-01", prepared=date(2024, 3, 2))  # fmt: skip
    write_roster(folder, "NaMon_2024-01_sua.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "poor")], period="2024-01",
                 prepared=date(2024, 3, 9))  # fmt: skip
    execute(folder, out, "2024-02")
    late = [n for n in NOTICES if n.startswith("Có danh sách kỳ")]
    assert late == [
        "Có danh sách kỳ 01/2024 của xóm Bản Cọ ('BanCo_2024-01.xlsx'), kỳ mà khi tổng hợp xóm "
        "chưa nộp hoặc bị từ chối, và danh sách của xóm Nà Mòn ('NaMon_2024-01_sua.xlsx') khác "
        "với tệp đã dùng khi tổng hợp kỳ đó (có thể là bản sửa). Để tính các danh sách này vào "
        "kỳ đó, hãy chạy lại: giamngheo run --period 2024-01"
    ]
    assert late[0].en == (
        "There is a 01/2024 list of Bản Cọ ('BanCo_2024-01.xlsx'), a period consolidated while "
        "the hamlet had sent nothing valid, and a list of Nà Mòn ('NaMon_2024-01_sua.xlsx') "
        "other than the file that period's run used (a corrected copy?). To count them there, "
        "run again: giamngheo run --period 2024-01"
    )


def test_the_same_month_last_year_is_compared_over_the_hamlets_of_both_months():
    """May 2025: Nà Mòn (100 households, 3 poor, 2 near-poor) and Bản Cọ consolidated, Đồng Kè
    missing; May 2024: Nà Mòn (100, 4, 2) and Đồng Kè, Bản Cọ missing. Only Nà Mòn is in both:
    4 % → 3 % poor (−1 point), 2 % → 2 % near-poor; the other two are named."""
    from pipeline.trend import year_on_year

    def hamlet(name, status, households=None, poor=None, near_poor=None):
        return {"hamlet": name, "status": status, "households": households, "poor": poor,
                "near_poor": near_poor}  # fmt: skip

    now = [hamlet("Nà Mòn", "ok", 100, 3, 2), hamlet("Bản Cọ", "ok", 200, 2, 1),
           hamlet("Đồng Kè", "missing")]  # fmt: skip
    then = [hamlet("Nà Mòn", "ok", 100, 4, 2), hamlet("Bản Cọ", "missing"),
            hamlet("Đồng Kè", "ok", 150, 1, 1)]  # fmt: skip
    totals = {"poor_rate": 5 / 300 * 100, "near_poor_rate": 3 / 300 * 100}
    yoy = year_on_year("2025-05", now, totals, [{"period": "2024-05", "hamlets": then}])
    assert yoy == {
        "period": "2024-05",
        "poor_rate": 4.0,
        "near_poor_rate": 2.0,
        "now_poor_rate": 3.0,
        "now_near_poor_rate": 2.0,
        "poor_rate_change": -1.0,
        "near_poor_rate_change": 0.0,
        "hamlets_left_out": ["Bản Cọ", "Đồng Kè"],
    }
    assert year_on_year("2025-05", now, totals, [{"period": "2024-04", "hamlets": then}]) is None
    # Both months complete, though their hamlets differ (Đồng Kè merged into Bản Cọ in 2025):
    # the whole commune, 5/300 against 5/250 poor, 3/300 against 3/250 near-poor.
    merged = [hamlet("Nà Mòn", "ok", 100, 3, 2), hamlet("Bản Cọ", "ok", 200, 2, 1)]
    last = [hamlet("Nà Mòn", "ok", 100, 4, 2), hamlet("Bản Cọ", "ok", 100, 0, 0),
            hamlet("Đồng Kè", "ok", 50, 1, 1)]  # fmt: skip
    stored = [{"period": "2024-05", "hamlets": last,
               "totals": {"poor_rate": 5 / 250 * 100, "near_poor_rate": 3 / 250 * 100}}]  # fmt: skip
    yoy = year_on_year("2025-05", merged, totals, stored)
    assert yoy["hamlets_left_out"] == []
    assert (yoy["poor_rate"], yoy["now_poor_rate"]) == (2.0, 5 / 3)
    assert yoy["poor_rate_change"] == pytest.approx(5 / 3 - 2.0)
    assert yoy["near_poor_rate_change"] == pytest.approx(1.0 - 1.2)


@pytest.mark.parametrize("birth_blank_too", [False, True])
def test_a_household_whose_code_cell_was_emptied_for_a_month_has_not_returned(
    tmp_path, birth_blank_too
):
    """NM6 is new poor in January; in February its Mã hộ cell is blank (a row left out, stored
    by Nà Mòn, 'Hoàng Văn NM6', 1970 — or with its optional Năm sinh blank too, by Nà Mòn and
    the name alone); in March the code is back. February held it by name, so in March it is
    counted again against February ('recounted' 1, not 'new'), and against the start of the
    year it is new but not returned (tái nghèo): it never left the list."""
    blank = {"ma_ho": None, **({"nam_sinh": None} if birth_blank_too else {})}
    results = _nm6_months(tmp_path, {**person("NM6", "poor"), **blank})
    feb = na_mon(results["2024-02"])["movements_month"]["poor"]
    assert (feb["start"], feb["not_counted"], feb["exited"], feb["end"]) == (4, 1, 0, 3)
    march = na_mon(results["2024-03"])
    month_moves, year_moves = march["movements_month"]["poor"], march["movements"]["poor"]
    assert (month_moves["recounted"], month_moves["new"], month_moves["returned"]) == (1, 0, 0)
    assert (year_moves["new"], year_moves["returned"], year_moves["end"]) == (1, 0, 4)


def _corrected_plan(folder, changes: dict) -> None:
    """The commune's plan written again with ``changes`` (hamlet -> start households, poor,
    near-poor, poor target, near-poor target), the start list as before."""
    from pipeline.template import write_plan_workbook
    from tests.commune import HAMLETS, PLAN_INFO, start_list

    keys = ("start_households", "start_poor", "start_near_poor", "poor_target",
            "near_poor_target")  # fmt: skip
    hamlets = [dict(zip(keys, figures, strict=True), hamlet=name)
               for name, figures in {**HAMLETS, **changes}.items()]  # fmt: skip
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start_list())


def test_months_run_under_a_plan_corrected_since_are_named(year):
    """The plan is corrected after March was run: Nà Mòn had 110 households at the start, not
    100. Re-running March says that January and February followed the old plan (their
    reductions and trend path came from 3/100 = 3 %, not 3/110 = 2.73 %), and asks to run
    January, February and March in turn (March's trend shows January's and February's paths);
    once January is run again, February is named, with February and March to run; once
    February is too, nothing is."""
    from pipeline.output import NOTICES

    def said() -> list[str]:
        return [n for n in NOTICES if "kế hoạch khác" in n]

    root, out, _ = year
    execute(root / "input", out, "2024-03")  # the same plan: nothing to say
    assert not said()
    _corrected_plan(root / "input", {"Nà Mòn": (110, 3, 2, 1, 1)})
    march = execute(root / "input", out, "2024-03")[0].summary
    assert na_mon(march)["start_households"] == 110
    assert na_mon(march)["start_poor_rate"] == pytest.approx(300 / 110, abs=0.005)
    head = (
        "đã được tổng hợp theo kế hoạch khác với kế hoạch đang dùng ('KeHoach_2024.xlsx'): xóm "
        "Nà Mòn, cột 'Tổng số hộ đầu năm' lúc đó là 100, nay là 110. Mức giảm so với đầu năm, "
        "chỉ tiêu và xu hướng của các kỳ đó (và xu hướng của các kỳ sau chúng) vẫn theo kế "
        "hoạch cũ. Nếu tệp kế hoạch bị đặt nhầm, hãy bỏ tệp đó ra khỏi thư mục đầu vào rồi chạy "
        "lại kỳ này. Nếu kế hoạch được điều chỉnh từ một kỳ sau các kỳ đó (các kỳ đó giữ theo kế "
        "hoạch lúc đó), không cần chạy lại: thông báo này không nhắc lại khi chạy các kỳ sau. Nếu "
        "kế hoạch đã được sửa, hãy chạy lại lần lượt từng kỳ: "
    )
    tail = ""  # the commands end the notice (session 47)
    assert said() == [
        f"Kỳ 01/2024, 02/2024 {head}giamngheo run --period 2024-01; giamngheo run --period "
        f"2024-02; giamngheo run --period 2024-03{tail}"
    ]
    execute(root / "input", out, "2024-01")
    assert said() == [
        f"Kỳ 02/2024 {head}giamngheo run --period 2024-02; giamngheo run --period 2024-03{tail}"
    ]
    execute(root / "input", out, "2024-02")
    assert not said()


def test_a_corrected_target_is_named(year):
    """Bản Cọ's target of poor households to leave poverty corrected from 1 to 2 after the three
    months were run: re-running March names January and February and both figures."""
    from pipeline.output import NOTICES

    root, out, _ = year
    _corrected_plan(root / "input", {"Bản Cọ": (200, 2, 1, 2, 1)})
    execute(root / "input", out, "2024-03")
    notes = [n for n in NOTICES if "kế hoạch khác" in n]
    assert len(notes) == 1
    assert notes[0].startswith("Kỳ 01/2024, 02/2024 đã được tổng hợp theo kế hoạch khác")
    assert "xóm Bản Cọ, cột 'Chỉ tiêu giảm hộ nghèo (hộ)' lúc đó là 1, nay là 2." in notes[0]


def _nm6_back_in_a_row_with_an_error(tmp_path) -> dict:
    """Nà Mòn, January to April 2024, run one by one, against the plan's start list (NM1–NM3
    poor, NM4–NM5 near-poor, unchanged every month). NM6: new poor in January, Thoát in
    February, poor again in March in a row with an error (0 members: left out), the same row
    fixed in April. The results by month."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    start = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
             person("NM4", "near_poor"), person("NM5", "near_poor")]  # fmt: skip
    nm6 = {"2024-01": person("NM6", "poor"), "2024-02": person("NM6", "exited"),
           "2024-03": person("NM6", "poor", nhan_khau=0), "2024-04": person("NM6", "poor")}  # fmt: skip
    out = tmp_path / "output"
    results = {}
    for month, row in nm6.items():
        write_roster(folder, f"NaMon_{month}.xlsx", "Nà Mòn", 100, [dict(r) for r in start] + [row],
                     period=month, prepared=date(2024, int(month[5:]) + 1, 2))  # fmt: skip
        results[month] = execute(folder, out, month)[0]
    return results


def test_a_household_that_exited_and_came_back_in_a_row_with_an_error_returns_when_fixed(
    tmp_path,
):
    """NM6 left the lists in February (Thoát) and was written poor again in March, in a row
    left out for an error. April, its row fixed, counts it: since the start of the year it is
    new and tái nghèo (not on the start list, it had left in February); since March it is the
    same — it had left before its row went wrong, so it is no 'counted again' (that is for a
    household that never left the lists). The months and the year tell one story: February
    exited 1, April returned 1; the year: returned 1."""
    results = _nm6_back_in_a_row_with_an_error(tmp_path)
    zero = dict.fromkeys(POOR_MOVES, 0)
    feb = na_mon(results["2024-02"].summary)["movements_month"]["poor"]
    # January's 4 poor (NM1–NM3, NM6) − NM6 exited = 3
    assert feb == {**zero, "start": 4, "exited": 1, "end": 3}
    march = na_mon(results["2024-03"].summary)
    # NM6 was on no list in February and is not counted in March: nothing moves either way
    assert march["movements_month"]["poor"] == {**zero, "start": 3, "end": 3}
    assert march["movements"]["poor"] == {**zero, "start": 3, "end": 3}
    april = na_mon(results["2024-04"].summary)
    # since March: 3 + NM6 new (of which tái nghèo: it left in February) = 4
    assert april["movements_month"]["poor"] == {**zero, "start": 3, "new": 1, "returned": 1,
                                                "end": 4}  # fmt: skip
    # since the start of the year: 3 + NM6 new, tái nghèo = 4 (as before the fix)
    assert april["movements"]["poor"] == {**zero, "start": 3, "new": 1, "returned": 1, "end": 4}
    details = results["2024-04"].movement_details
    nm6 = details[details["ma_ho"] == "NM6"]
    # the month's list says where it was in March: in a row with an error (the start list: none)
    was = nm6["start_status"].fillna("")
    assert sorted(zip(nm6["scope"], nm6["movement"], was, strict=True)) == [
        ("month", "returned", "not_counted"),
        ("year", "returned", ""),
    ]


@pytest.mark.parametrize("error", ["no_members", "no_code"])
def test_a_new_household_first_written_in_a_row_with_an_error_is_new_when_fixed(tmp_path, error):
    """NM6 is on no list at the start of the year nor in January; February writes it poor for
    the first time, in a row left out for an error (0 members, or no Mã hộ yet: a new household
    often has none, held then by name); March, the row fixed, counts it. It was never on the
    lists before its row went wrong, so March is when it joins them: new since February, as it
    is since the start of the year (not 'counted again', which would leave the year's new
    household in no month). Nà Mòn, poor: February 3 = 3 (NM6 not counted, and on no list in
    January: nothing moves); March since February 3 + NM6 new = 4, since the start 3 + 1 = 4."""
    bad = {"no_members": {"nhan_khau": 0}, "no_code": {"ma_ho": None}}[error]
    results = _nm6_months(tmp_path, {**person("NM6", "poor"), **bad}, january=None)
    zero = dict.fromkeys(POOR_MOVES, 0)
    feb = na_mon(results["2024-02"])
    assert feb["movements_month"]["poor"] == {**zero, "start": 3, "end": 3}
    march = na_mon(results["2024-03"])
    assert march["movements_month"]["poor"] == {**zero, "start": 3, "new": 1, "end": 4}
    assert march["movements"]["poor"] == {**zero, "start": 3, "new": 1, "end": 4}


@pytest.mark.parametrize("start_list", [True, False])
def test_a_household_missing_without_thoat_is_asked_about_naming_the_list_it_was_on(
    tmp_path, start_list
):
    """April: Nà Mòn lists NM1-NM5 and NM6, new poor. May: NM6 is missing with no 'Thoát' row,
    and so is NM5. With the start list (NM1-NM5): NM5 was on it ('danh sách đầu năm'); NM6 was
    only on April's list, and is asked about too (it is counted as leaving in the month's table).
    Without a start list, April is the first month stored and stands for the start: both were
    on April's list, each asked about once."""
    folder, out = tmp_path / "input", tmp_path / "output"
    folder.mkdir()
    write_plan(folder, with_start_list=start_list)
    five = [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
            person("NM4", "near_poor"), person("NM5", "near_poor")]  # fmt: skip
    write_roster(folder, "NaMon_T4.xlsx", "Nà Mòn", 100, [*five, person("NM6", "poor")],
                 period="2024-04", prepared=date(2024, 5, 2))  # fmt: skip
    write_roster(folder, "NaMon_T5.xlsx", "Nà Mòn", 100, [dict(r) for r in five[:4]])
    execute(folder, out, "2024-04")
    may = execute(folder, out, "2024-05")[0]
    said = sorted(i.message() for i in may.issues if i.code == "vanished-household")
    tail = (" nhưng không có trong danh sách kỳ này; đã tính là thoát. Đề nghị xóm xác nhận: nếu "
            "đúng, hãy ghi lại dòng của hộ (đủ các cột như các hộ khác) với Phân loại hộ 'Thoát'."
            " Nếu hộ chỉ chuyển sang xóm khác trong xã thì không ghi lại: xóm nơi hộ đến ghi hộ "
            "vào danh sách của mình với Mã hộ cũ.")  # fmt: skip
    start = "danh sách đầu năm" if start_list else "danh sách tháng 4/2024"
    assert said == [
        f"Hộ NM5 (Hoàng Văn NM5) có trong {start}{tail}",
        f"Hộ NM6 (Hoàng Văn NM6) có trong danh sách tháng 4/2024{tail}",
    ]
    english = next(i for i in may.issues if i.value.startswith("NM6")).message("en")
    assert english.startswith("Household NM6 (Hoàng Văn NM6) was on the list of 04/2024 but")
    # The head's feedback: two warnings of no cell, so none is coloured: "see the table below"
    book = openpyxl.load_workbook(out / "2024-05" / "PhanHoi" / "Nà Mòn_2024-05.xlsx")
    cells = [
        [c.value for c in row if c.value is not None] for row in book.worksheets[0].iter_rows()
    ]
    status = next(row[1] for row in cells if row[:1] == ["Tình trạng:"])
    assert status == ("Danh sách đã được tổng hợp, mọi hộ đều được tính; có 2 cảnh báo (xem bảng "
                      "dưới), đề nghị kiểm tra lại.")  # fmt: skip
    warned = next(row[1:] for row in cells if row[:1] == ["Số cảnh báo:"])
    # (the list is counted; the households asked about are counted as gone: session 16)
    assert warned == [
        2,
        "xem bảng dưới – danh sách vẫn được tính; đề nghị kiểm tra lại, sửa nếu sai",
    ]


def test_earlier_months_in_the_folder_never_run_are_pointed_out_with_the_commands(tmp_path):
    """Session 21. An officer starting with several months' files in the folder got the
    latest month alone, with no change since last month and nothing said of why. Nà Mòn's
    March, April and May lists, Bản Cọ's April and May, and a list of November 2023 (another
    year, not the month before May: no part of May's figures): the May run names March (1
    hamlet) and April (2 hamlets) as never consolidated, and the commands in order, May
    again last. Once they are run, May says nothing of them."""
    from pipeline.output import NOTICES

    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    lists = [("Nà Mòn", "NaMon", 100, "NM1", m) for m in ("2024-03", "2024-04", "2024-05")]
    lists += [("Bản Cọ", "BanCo", 200, "BC1", m) for m in ("2023-11", "2024-04", "2024-05")]
    for hamlet, name, total, code, month in lists:
        year, number = int(month[:4]), int(month[5:])
        write_roster(folder, f"{name}_{month}.xlsx", hamlet, total, [person(code, "poor")],
                     period=month, prepared=date(year + number // 12, number % 12 + 1, 2))  # fmt: skip
    out = tmp_path / "output"
    execute(folder, out, None)
    never = [n for n in NOTICES if n.startswith("Thư mục đầu vào có danh sách")]
    command = "giamngheo run --period"
    assert never == [
        "Thư mục đầu vào có danh sách các kỳ 03/2024 (1 xóm), 04/2024 (2 xóm) chưa từng được "
        "tổng hợp, nên biến động so với tháng trước và xu hướng của kỳ 05/2024 chưa có các kỳ "
        "đó. Hãy tổng hợp lần lượt (các kỳ trước, rồi chạy lại kỳ này): "
        f"{command} 2024-03; {command} 2024-04; {command} 2024-05"
    ]
    assert never[0].en.startswith(
        "The input folder holds lists of periods 03/2024 (1 hamlet), 04/2024 (2 hamlets) never "
        "consolidated"
    )
    for month in ("2024-03", "2024-04", "2024-05"):
        execute(folder, out, month)
    assert not [n for n in NOTICES if n.startswith("Thư mục đầu vào có danh sách")]
