"""Session 25: the households of a list sent apart by a merged hamlet, matched by name too, and
counted as the officer reads them.

The 2025 plan folds Đồng Kè into Bản Cọ: one row of 350 households, 5 poor, 3 near-poor at the
start (start list, all under Bản Cọ: BC1, BC2, DK1, DK2, DK3 poor; BC3, DK4, DK5 near-poor).
In January Bản Cọ sends its old list (200 households: BC1 poor, BC3 near-poor; BC2 missing) and
Đồng Kè's head his own (refused, variant 'merged'): DK1 poor, DK2 poor written with no Mã hộ,
DK3 poor with its code mistyped 'DK33', DK4, DK5 near-poor, and DK8, a new poor household.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from types import SimpleNamespace

import openpyxl

from pipeline import cli
from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.messages import apart_households
from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, write_plan, write_plan_2025, write_roster

JANUARY = {"period": "2025-01", "prepared": date(2025, 2, 3)}


def _plan(tmp_path):
    """The input folder: the 2025 plan (Nà Mòn 100 households, 1 poor NM1; Bản Cọ 350, 5, 3)
    and Nà Mòn's January list (NM1 poor, as at the start)."""
    folder = tmp_path / "input"
    folder.mkdir()
    hamlets = [
        {"hamlet": "Nà Mòn", "start_households": 100, "start_poor": 1, "start_near_poor": 0,
         "poor_target": 1, "near_poor_target": 0},
        {"hamlet": "Bản Cọ", "start_households": 350, "start_poor": 5, "start_near_poor": 3,
         "poor_target": 1, "near_poor_target": 1},
    ]  # fmt: skip
    listed = [dict(person("NM1", "poor"), hamlet="Nà Mòn")]
    listed += [
        dict(person(c, "poor"), hamlet="Bản Cọ") for c in ("BC1", "BC2", "DK1", "DK2", "DK3")
    ]
    listed += [dict(person(c, "near_poor"), hamlet="Bản Cọ") for c in ("BC3", "DK4", "DK5")]
    for stt, row in enumerate(listed, start=1):
        row["stt"] = stt
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025}, hamlets,
                        listed)  # fmt: skip
    write_roster(folder, "NaMon.xlsx", "Nà Mòn", 100, [person("NM1", "poor")], **JANUARY)
    write_roster(folder, "BanCo.xlsx", "Bản Cọ", 200,
                 [person("BC1", "poor"), person("BC3", "near_poor")], **JANUARY)  # fmt: skip
    return folder


def _apart_list(folder, dk2_code=None):
    """Đồng Kè's list: DK2 with ``dk2_code`` for its Mã hộ (none by default), DK3 as 'DK33'."""
    rows = [
        person("DK1", "poor"),
        dict(person("DK2", "poor"), ma_ho=dk2_code),
        dict(person("DK3", "poor"), ma_ho="DK33"),
        person("DK4", "near_poor"),
        person("DK5", "near_poor"),
        person("DK8", "poor"),
    ]
    write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150, rows, **JANUARY)


def _moves(figures: dict) -> tuple:
    poor, near = figures["movements"]["poor"], figures["movements"]["near_poor"]
    keys = ("start", "exited", "not_counted", "new", "end")
    return tuple(poor[k] for k in keys), tuple(near[k] for k in keys)


def test_households_without_a_usable_code_on_the_list_apart_are_held_by_name(tmp_path):
    """DK2 (no Mã hộ) and DK3 ('DK33') are matched by (Bản Cọ, name, 1970), so not counted, as
    DK1, DK4 and DK5 are by code; BC2, on no list, is gone. Bản Cọ poor: start 5 − 1 exited (BC2)
    − 3 not counted (DK1, DK2, DK3) = 1 (BC1); near-poor: 3 − 2 (DK4, DK5) = 1 (BC3). The only
    household asked to confirm is BC2."""
    folder = _plan(tmp_path)
    _apart_list(folder)
    result, _, _ = execute(folder, tmp_path / "output", "2025-01")
    ban_co = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Bản Cọ")
    assert ban_co["status"] == "rejected"
    assert _moves(ban_co) == ((5, 1, 3, 0, 1), (3, 0, 2, 0, 1))
    year = result.movement_details
    year = year[year["scope"] == "year"]
    assert sorted(zip(year["ma_ho"], year["movement"], year["current_status"], strict=True)) == [
        ("BC2", "vanished", "absent"),
        ("DK1", "not_counted", "apart"),
        ("DK2", "not_counted", "apart"),
        ("DK3", "not_counted", "apart"),
        ("DK4", "not_counted", "apart"),
        ("DK5", "not_counted", "apart"),
    ]
    assert [i.value for i in result.issues if i.code == "vanished-household"] == [
        "BC2 (Hoàng Văn BC2)"
    ]
    # Nà Mòn alone makes the commune: 1 poor of 100
    totals = result.summary["totals"]
    assert (totals["households"], totals["poor"], totals["start_poor"]) == (100, 1, 1)


def test_the_messages_count_the_start_households_apart_and_the_lists_others(tmp_path, capsys):
    """The list apart holds 6 households (5 codes, DK2 by name): 5 of Bản Cọ's start list (DK1
    to DK5, not counted) and 1 other (DK8, new). JSON: households_apart 5 (the 'Biến động'
    not counted: 3 poor + 2 near-poor), households_listed_apart 6; every message says so."""
    folder = _plan(tmp_path)
    _apart_list(folder)
    result, written, _ = execute(folder, tmp_path / "output", "2025-01")
    ban_co = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Bản Cọ")
    assert ban_co["incomplete"] == {
        "reason": "merged-list-apart",
        "file": "DongKe.xlsx",
        "hamlet_written": "Đồng Kè",
        "households_apart": 5,
        "households_listed_apart": 6,
    }
    [told] = [i for i in result.issues if i.code == "merged-list-apart"]
    assert told.message("vi").startswith(
        "Số liệu của xóm Bản Cọ chưa đủ: 5 hộ có trong danh sách đầu năm và 1 hộ khác của danh"
        " sách xóm 'Đồng Kè' gửi riêng (tệp DongKe.xlsx,"
    )
    assert told.message("en").startswith(
        "Hamlet Bản Cọ's figures are incomplete: the 5 households of the start list and 1 other"
        " on the list of hamlet 'Đồng Kè', sent apart"
    )
    book = openpyxl.load_workbook(tmp_path / "output/2025-01/TongHop_2025-01.xlsx")
    row = next(r for r in book["Nộp báo cáo"].iter_rows(values_only=True) if "Bản Cọ" in r)
    assert row[2].startswith(
        "Hợp lệ nhưng chưa đủ hộ: 5 hộ có trong danh sách đầu năm và 1 hộ khác của danh sách xóm"
        " 'Đồng Kè' gửi riêng (tệp DongKe.xlsx, bị từ chối) chưa được tính"
    )
    cli._print_summary(result, written, SimpleNamespace(stages={}), 1.0, "vi")
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].startswith(
        "  Xóm Bản Cọ: số liệu thiếu 5 hộ có trong danh sách đầu năm và 1 hộ khác của danh sách"
        " xóm 'Đồng Kè' gửi riêng (DongKe.xlsx, bị từ chối)"
    )


def test_a_list_apart_all_of_the_start_list_says_its_households_once(tmp_path):
    """DK2 written with its code and DK8 left out: 5 households, all of the start list: "5 hộ"
    (5 and 5 in the JSON), as before this session's change."""
    folder = _plan(tmp_path)
    rows = [person("DK1", "poor"), person("DK2", "poor"), dict(person("DK3", "poor"), ma_ho=None),
            person("DK4", "near_poor"), person("DK5", "near_poor")]  # fmt: skip
    write_roster(folder, "DongKe.xlsx", "Đồng Kè", 150, rows, **JANUARY)
    result, _, _ = execute(folder, tmp_path / "output", "2025-01")
    ban_co = next(h for h in result.summary["hamlets"] if h["hamlet"] == "Bản Cọ")
    assert (
        ban_co["incomplete"]["households_apart"],
        ban_co["incomplete"]["households_listed_apart"],
    ) == (5, 5)
    [told] = [i for i in result.issues if i.code == "merged-list-apart"]
    assert told.message("vi").startswith(
        "Số liệu của xóm Bản Cọ chưa đủ: 5 hộ của danh sách xóm 'Đồng Kè' gửi riêng"
    )


def test_apart_households_wording():
    """No start list to compare with: the list's households; all or none of the start list:
    the count once; else both, singular in English for one."""
    assert apart_households(None, 3) == "3 hộ" and apart_households(None, 1).en == "1 household"
    assert apart_households(4, 4).en == "4 households"
    assert apart_households(0, 2) == "2 hộ"
    said = apart_households(1, 3)
    assert said == "1 hộ có trong danh sách đầu năm và 2 hộ khác"
    assert said.en == "1 household of the start list and 2 others"


def _december_then_january(tmp_path):
    """Both plans in one folder. 2024 plan: Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor at the
    start. December 2024 (the first month the history holds): NM1, NM3 poor, NM4, NM5
    near-poor; NM2 is on no list (gone, no 'Thoát'). 2025 plan: December's households (Nà Mòn
    100, 2 poor, 2 near-poor). January 2025: NM1, NM2, NM3, NM6 poor, NM4, NM5 near-poor: NM2
    back, NM6 never listed before."""
    folder = tmp_path / "input"
    folder.mkdir()
    write_plan(folder)
    write_plan_2025(folder, (2, 2), ("NM2",))
    near = [person("NM4", "near_poor"), person("NM5", "near_poor")]
    write_roster(folder, "NaMon_2024-12.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM3", "poor"), *near],
                 period="2024-12", prepared=date(2025, 1, 3))  # fmt: skip
    near = [person("NM4", "near_poor"), person("NM5", "near_poor")]
    write_roster(folder, "NaMon_2025-01.xlsx", "Nà Mòn", 100,
                 [person("NM1", "poor"), person("NM2", "poor"), person("NM3", "poor"),
                  person("NM6", "poor"), *near],
                 period="2025-01", prepared=date(2025, 2, 3))  # fmt: skip
    return folder, tmp_path / "output"


def _poor_moves(result, scope="movements"):
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    poor = na_mon[scope]["poor"]
    return tuple(poor[k] for k in ("start", "exited", "new", "returned", "end"))


def test_a_household_gone_from_the_first_stored_december_is_tai_ngheo_when_back(tmp_path):
    """December 2024 keeps its plan's start list ('2024-00'): NM2, on it and missing from
    December's list, left the lists in 2024. January 2025, year table (start NM1, NM3): poor
    start 2, new 2 (NM2, NM6) of which 1 returned (NM2), end 4; month table (December: NM1,
    NM3) the same. NM6, on no list before, is new only. The kept list is no month of the
    history."""
    folder, out = _december_then_january(tmp_path)
    december, _, _ = execute(folder, out, "2024-12")
    assert _poor_moves(december) == (3, 1, 0, 0, 2)  # NM2 gone from the 2024 start list
    january, _, _ = execute(folder, out, "2025-01")
    assert _poor_moves(january) == (2, 0, 2, 1, 4)
    assert _poor_moves(january, "movements_month") == (2, 0, 2, 1, 4)
    details = january.movement_details
    assert sorted(
        zip(details["scope"], details["ma_ho"], details["movement"], strict=True)
    ) == [
        ("month", "NM2", "returned"), ("month", "NM6", "new"),
        ("year", "NM2", "returned"), ("year", "NM6", "new"),
    ]  # fmt: skip
    store = HistoryStore(out / HISTORY_FILE)
    assert [p["period"] for p in store.periods()] == ["2024-12", "2025-01"]
    # kept: the hamlets without a December list whole, NM2 (gone), NM1 (Nà Mòn's first);
    # NM3, NM4, NM5 are on December's list (tests/test_session25_kept_start.py)
    assert sorted(store.households(["2024-00"])["ma_ho"]) == [
        "BC1", "BC2", "BC3", "DK1", "DK2", "NM1", "NM2",
    ]  # fmt: skip
    assert store.codes_of_year(2024)[0] == {"Nà Mòn": {"nm1", "nm3", "nm4", "nm5"}}


def test_without_the_kept_start_list_the_household_back_is_new(tmp_path):
    """A store whose December was run before the start list was kept (its '2024-00' rows
    removed): NM2 is new in January, not returned (poor: start 2, new 2, returned 0, end 4),
    as before; running December again keeps the list, and January then has NM2 returned."""
    folder, out = _december_then_january(tmp_path)
    execute(folder, out, "2024-12")
    with sqlite3.connect(out / HISTORY_FILE) as conn:
        conn.execute("DELETE FROM households WHERE period = '2024-00'")
    conn.close()
    january, _, _ = execute(folder, out, "2025-01")
    assert _poor_moves(january) == (2, 0, 2, 0, 4)
    execute(folder, out, "2024-12", replace=True)
    january, _, _ = execute(folder, out, "2025-01", replace=True)
    assert _poor_moves(january) == (2, 0, 2, 1, 4)
