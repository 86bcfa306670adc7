"""Session 56 (helper B): the year's-turn pairing's leftovers (b) and (c) of "Session 55:
review of the year's-turn pairing". The commune of tests.test_session54_b_renumbered_within:
Bản Cọ's 004-006 and Đồng Kè's 007-008 keep their codes. (b): Nà Mòn's December 2024 Lò Văn An
001 poor, Lò Văn Bình 002 near-poor, Lò Văn Cường (1953) 003 poor; the 2025 start list has An
001 and Bình 002 in Nà Mòn and Cường under 009 in Bản Cọ: his household moved at the turn.
(c): the commune of tests.test_session47_merger_year_turn (Bản Cọ merged into Nà Mòn at the
turn), its 2025 start list writing Bản Cọ's BC1, BC2, BC4 as Nà Mòn's NM7-NM9."""

from __future__ import annotations

from datetime import date

import openpyxl
import pandas as pd

from pipeline.baselines import as_start_codes
from pipeline.figures import NEAR_POOR_MOVES, POOR_MOVES
from tests.test_session47_merger_year_turn import (
    bc4_rows,
    dk,
    merged_at_the_turn,
    nm6_rows,
    run_with_lists,
)
from tests.test_session54_b_renumbered_within import run_renumbered_month, write_renumbered_plans
from tests.test_session55_b_turn_pairing import listed_movements

AN = ("001", "Lò Văn An", 1951, "poor")
BINH = ("002", "Lò Văn Bình", 1952, "near_poor")
CUONG = ("003", "Lò Văn Cường", 1953, "poor")  # Nà Mòn's in December
MOVED = {"Bản Cọ": [("009", "Lò Văn Cường", 1953, "poor")]}  # on the 2025 start list there
DUNG = ("003", "Lò Văn Dũng", 1960, "poor")  # on no list before, under Cường's freed 003


def moved_at_the_turn(tmp_path) -> tuple:
    """The plans (Cường under Bản Cọ's 009 on the 2025 start list) and December 2024 run (Nà
    Mòn: An, Bình, Cường 003). Returns the folders (lists, outputs)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder, [AN, BINH], MOVED)
    run_renumbered_month(folder, out, "2024-12", [AN, BINH, CUONG], date(2025, 1, 3))
    return folder, out


def table(moves: dict) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A movement table's poor and near-poor columns, in the order of 'Biến động' (1-11)."""
    return (
        tuple(moves["poor"][k] for k in POOR_MOVES),
        tuple(moves["near_poor"][k] for k in NEAR_POOR_MOVES),
    )


def month_tables_and_a_still_year(summary: dict, month: dict, year: dict) -> None:
    """Assert each hamlet's month table (``month``: hamlet -> (poor, near-poor) rows of the
    eleven columns) and a year's table that moved nothing (``year``: hamlet -> (poor, near-poor)
    at the start and the end alike) in ``summary``'s JSON."""
    for hamlet in summary["hamlets"]:
        name = hamlet["hamlet"]
        assert (name, table(hamlet["movements_month"])) == (name, month[name])
        poor, near = year[name]
        assert (name, table(hamlet["movements"])) == (
            name, ((poor, *[0] * 9, poor), (near, *[0] * 9, near)))  # fmt: skip


def part_two(out, period: str) -> list[tuple]:
    """'Biến động' part II's rows (the poor table, then the near-poor): (Xóm, columns D-N), the
    total row's cached values as Excel shows them."""
    sheet = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx", data_only=True)
    rows = list(sheet["Biến động"].iter_rows(values_only=True))
    at = next(i for i, row in enumerate(rows) if str(row[0]).startswith("II. "))
    end = next(i for i, row in enumerate(rows) if row[0] == "DANH SÁCH HỘ CÓ BIẾN ĐỘNG")
    return [(row[1] or row[0], *row[3:14]) for row in rows[at:end]
            if isinstance(row[0], int) or row[0] == "Tổng cộng"]  # fmt: skip


def test_a_household_moved_to_another_hamlet_at_the_turn_under_a_new_code_moved(tmp_path):
    """January 2025: Nà Mòn lists An 001 and Bình 002, Bản Cọ its own and Cường 009, as the
    start list. Worked by hand, the month table against December: Nà Mòn poor start 2 (An,
    Cường), moved out 1 (Cường, to Bản Cọ), end 1; Bản Cọ poor start 2 (Dung, Em), moved in 1,
    end 3; the commune poor 5, moved out 1, moved in 1, 5 (no exit, nothing new); near-poor 1,
    1, 1 and 3 unchanged. The year's table (the start list): nothing moved anywhere. Before:
    Nà Mòn poor exited 1 (003 "Không còn trong danh sách (đề nghị xác nhận)"), Bản Cọ new 1
    (009 "Phát sinh mới"): the two hamlets paired apart."""
    folder, out = moved_at_the_turn(tmp_path)
    summary = run_renumbered_month(folder, out, "2025-01", [AN, BINH], date(2025, 2, 3), MOVED)
    # start, to the other list, exited, not counted, moved out, from the other list, new,
    # returned, moved in, recounted, end
    na_mon = ((2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1), (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))
    ban_co = ((2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3), (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))
    dong_ke = ((1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))
    commune = ((5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), (3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3))
    month = {"Nà Mòn": na_mon, "Bản Cọ": ban_co, "Đồng Kè": dong_ke}
    year = {"Nà Mòn": (1, 1), "Bản Cọ": (3, 1), "Đồng Kè": (1, 1)}
    month_tables_and_a_still_year(summary, month, year)
    assert table(summary["totals"]["movements_month"]) == commune
    assert part_two(out, "2025-01") == [
        *[(name, *month[name][0]) for name in month], ("Tổng cộng", *commune[0]),
        *[(name, *month[name][1]) for name in month], ("Tổng cộng", *commune[1]),
    ]  # fmt: skip
    assert listed_movements(out, "2025-01") == [
        ("Nà Mòn", "009", "Chuyển sang Bản Cọ", "So với tháng trước"),
        ("Bản Cọ", "009", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
    ]
    assert summary["issues"]["warnings"] == 0


def test_a_household_new_under_the_code_freed_by_the_move_is_new_in_february(tmp_path):
    """January as above; February Nà Mòn lists Lò Văn Dũng (1960), on no list before, poor
    under 003, Cường's code until the turn. Worked by hand: 003 left no list at the turn (its
    household is Bản Cọ's 009), so Dũng is new, not back: both tables Nà Mòn poor start 1 (An),
    new 1, returned 0, end 2; near-poor 1 to 1. Before: renumbered_at_turn paired the rows of
    Nà Mòn and 1953 alone: 003 had left the lists, Dũng 'Tái nghèo' (returned 1)."""
    folder, out = moved_at_the_turn(tmp_path)
    run_renumbered_month(folder, out, "2025-01", [AN, BINH], date(2025, 2, 3), MOVED)
    summary = run_renumbered_month(
        folder, out, "2025-02", [AN, BINH, DUNG], date(2025, 3, 3), MOVED
    )
    na_mon = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    for scope in ("movements", "movements_month"):
        assert (scope, table(na_mon[scope])) == (
            scope, ((1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2), (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)))  # fmt: skip
    assert listed_movements(out, "2025-02") == [
        ("Nà Mòn", "003", "Phát sinh mới", "Từ đầu năm"),
        ("Nà Mòn", "003", "Phát sinh mới", "So với tháng trước"),
    ]


def test_a_household_is_paired_across_hamlets_only_one_of_its_name_and_year_a_side():
    """baselines.as_start_codes by hand. December: Nà Mòn's Cường 003 (1953) and 'Lò Văn Tám'
    006 (1960), Bản Cọ's 'Lò Văn Tám' 007 (1960) and 'Hà Thị Dun' 005 (1954), Đồng Kè's Giang
    008 (kept). The start list: Cường under Bản Cọ's 009, one 'Lò Văn Tám' 1960 under Đồng Kè's
    010, 'Hà Thị Dung' 1954 under Đồng Kè's 011, Giang 008. Cường's 003 is 009 (one a side of
    the commune); the two Tám of December are not told apart: neither is 010; Dun / Dung (a
    last letter apart) under a fresh 011 is not paired, as within a hamlet; with 011 one of
    last year's codes, it is. Two Cường 1953 on the start list (Bản Cọ's 009, Đồng Kè's 012):
    none."""
    december = pd.DataFrame(
        [("Nà Mòn", "id|3", "003", "Lò Văn Cường", 1953.0, "poor"),
         ("Nà Mòn", "id|6", "006", "Lò Văn Tám", 1960.0, "poor"),
         ("Bản Cọ", "id|7", "007", "Lò Văn Tám", 1960.0, "poor"),
         ("Bản Cọ", "id|5", "005", "Hà Thị Dun", 1954.0, "poor"),
         ("Đồng Kè", "id|8", "008", "Ma Văn Giang", 1957.0, "poor")],
        columns=["hamlet", "hh_key", "ma_ho", "chu_ho", "nam_sinh", "phan_loai"],
    )  # fmt: skip
    start = pd.DataFrame(
        [("Bản Cọ", "009", "Lò Văn Cường", 1953, "poor"),
         ("Đồng Kè", "010", "Lò Văn Tám", 1960, "poor"),
         ("Đồng Kè", "011", "Hà Thị Dung", 1954, "poor"),
         ("Đồng Kè", "008", "Ma Văn Giang", 1957, "poor")],
        columns=["hamlet", "ma_ho", "chu_ho", "nam_sinh", "phan_loai"],
    )  # fmt: skip
    frame, renumbered = as_start_codes(december, start)
    assert renumbered == {"id|3": "id|9"}
    # its hamlet December's (the month table's Nà Mòn), its code the start list's
    assert frame.loc[0, ["hamlet", "hh_key", "ma_ho"]].tolist() == ["Nà Mòn", "id|9", "009"]
    assert frame["hh_key"].tolist()[1:] == ["id|6", "id|7", "id|5", "id|8"]
    last = {"id|3", "id|6", "id|7", "id|5", "id|8", "id|11"}
    assert as_start_codes(december, start, None, last)[1] == {"id|3": "id|9", "id|5": "id|11"}
    twice = pd.concat(
        [start, pd.DataFrame([("Đồng Kè", "012", "Lò Văn Cường", 1953, "poor")],
                             columns=start.columns)], ignore_index=True,
    )  # fmt: skip
    assert as_start_codes(december, twice)[1] == {}


RENUMBERED = {"BC1": "NM7", "BC2": "NM8", "BC4": "NM9"}  # Bản Cọ's, on Nà Mòn's 2025 start list


def warned(out, period: str) -> list[str]:
    """The codes of 'Lỗi dữ liệu''s rows."""
    sheet = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Lỗi dữ liệu"]
    return [row[9] for row in sheet.iter_rows(min_row=8, values_only=True) if row[9]]


def test_a_hamlet_merged_at_the_turn_whose_households_the_start_list_renumbers_is_merged(tmp_path):
    """December 2024: Nà Mòn NM1-NM3, NM5 poor, NM4, NM6 near-poor; Bản Cọ BC1, BC2, BC4 poor,
    BC3 'Thoát'; Đồng Kè DK1 poor, DK2 near-poor. The 2025 plan has no Bản Cọ; its start list
    writes Bản Cọ's three under Nà Mòn as NM7, NM8, NM9 (the same heads and birth years), and
    Nà Mòn's January list so. Worked by hand: Bản Cọ merged into Nà Mòn, whose month table
    starts from both hamlets' December households, poor 4 + 3 = 7, near-poor 2, and nothing
    moved: 7 and 2 now; the commune 8 and 3, nothing moved; the year's table the same; no
    household in 'Biến động''s list, no warning but the plan's own target one. Before (the
    codes asked alone, BC1 … on no list now): no merger, Nà Mòn from its own December, poor 4,
    the three new (session 55's review; moved in from Bản Cọ with the pairing across hamlets),
    the commune poor 5 → 8."""
    folder, out = merged_at_the_turn(tmp_path, renumbered=RENUMBERED)
    ban_co = [dict(r, ma_ho=RENUMBERED[r["ma_ho"]]) for r in bc4_rows() if r["ma_ho"] in RENUMBERED]
    january = {"Nà Mòn": [*nm6_rows(), *ban_co], "Đồng Kè": dk()}
    summary = run_with_lists(folder, out, "2025-01", january, date(2025, 2, 3))
    na_mon, dong_ke = summary["hamlets"]
    assert (na_mon["hamlet"], na_mon.get("merged_from"), na_mon.get("merged_since")) == (
        "Nà Mòn", ["Bản Cọ"], {"Bản Cọ": "2025-01"})  # fmt: skip
    still = ((7, *[0] * 9, 7), (2, *[0] * 9, 2))
    for scope in ("movements_month", "movements"):
        assert (scope, table(na_mon[scope])) == (scope, still)
        assert (scope, table(dong_ke[scope])) == (scope, ((1, *[0] * 9, 1), (1, *[0] * 9, 1)))
        assert (scope, table(summary["totals"][scope])) == (
            scope, ((8, *[0] * 9, 8), (3, *[0] * 9, 3)))  # fmt: skip
    assert listed_movements(out, "2025-01") == []
    assert warned(out, "2025-01") == ["plan-commune-target-above-start"]


def test_a_hamlet_merged_at_the_turn_and_renumbered_is_merged_by_the_plan_before_its_list(
    tmp_path,
):
    """As above, Nà Mòn's January list writing its own six alone (Bản Cọ's three not yet on
    it): no list of the month holds them, so the plan's start list alone says the merger
    (baselines._merged_by_plan, by the households' names and years where the codes fail).
    Worked by hand: Nà Mòn's month table starts from both hamlets' December, poor 7, and the
    three are gone ("Không còn trong danh sách (đề nghị xác nhận)"): exited 3, 4 now; near-poor
    2 to 2; the year's table the same (the start list's 7). Before: Nà Mòn from its own
    December, poor 4 to 4, nothing moved, while the year's table said 3 gone."""
    folder, out = merged_at_the_turn(tmp_path, renumbered=RENUMBERED)
    summary = run_with_lists(folder, out, "2025-01", {"Nà Mòn": nm6_rows(), "Đồng Kè": dk()},
                             date(2025, 2, 3))  # fmt: skip
    na_mon = summary["hamlets"][0]
    assert (na_mon["hamlet"], na_mon.get("merged_from")) == ("Nà Mòn", ["Bản Cọ"])
    for scope in ("movements_month", "movements"):
        assert (scope, table(na_mon[scope])) == (
            scope, ((7, 0, 3, *[0] * 7, 4), (2, *[0] * 9, 2)))  # fmt: skip
    gone = "Không còn trong danh sách (đề nghị xác nhận)"
    assert sorted(listed_movements(out, "2025-01")) == sorted(
        ("Nà Mòn", code, gone, scope)
        for code in ("NM7", "NM8", "NM9")
        for scope in ("Từ đầu năm", "So với tháng trước")
    )


def test_a_hamlet_merged_at_the_turn_silent_in_december_is_merged_from_its_start_rows(tmp_path):
    """As the first merger above, Bản Cọ silent in December (its latest list November's: BC1,
    BC2, BC4 poor, BC3 near-poor), its codes renumbered (NM7-NM9) or kept. Worked by hand: its
    households are found under Nà Mòn on the start list (read in November's rows, as the start
    list writes them), so Nà Mòn's month table starts from its own December (poor 4,
    near-poor 2) and Bản Cọ's three as the start list has them (poor 3): 7 and 2, nothing
    moved; no note that Nà Mòn had no December list, the merger's note instead; the commune 8
    and 3. Before: no merger (the year's months alone were asked, none at the turn): Nà Mòn
    from its own December, poor 4, the three new ("Phát sinh mới")."""
    for codes in (RENUMBERED, {}):
        place = tmp_path / (str(len(codes)))
        place.mkdir()
        folder, out = merged_at_the_turn(place, renumbered=codes, silent=True)
        ban_co = [dict(r, ma_ho=codes.get(r["ma_ho"], r["ma_ho"])) for r in bc4_rows()
                  if r["ma_ho"] != "BC3"]  # fmt: skip
        january = {"Nà Mòn": [*nm6_rows(), *ban_co], "Đồng Kè": dk()}
        summary = run_with_lists(folder, out, "2025-01", january, date(2025, 2, 3))
        na_mon = summary["hamlets"][0]
        assert (codes, na_mon["hamlet"], na_mon.get("merged_from"), na_mon.get("merged_since")) == (
            codes, "Nà Mòn", ["Bản Cọ"], {"Bản Cọ": "2025-01"})  # fmt: skip
        assert (codes, na_mon["movements_month_from"]) == (codes, None)  # December, its own
        for scope in ("movements_month", "movements"):
            assert (codes, scope, table(na_mon[scope])) == (
                codes, scope, ((7, *[0] * 9, 7), (2, *[0] * 9, 2)))  # fmt: skip
            assert (codes, scope, table(summary["totals"][scope])) == (
                codes, scope, ((8, *[0] * 9, 8), (3, *[0] * 9, 3)))  # fmt: skip
        assert (codes, listed_movements(out, "2025-01")) == (codes, [])
        sheet = openpyxl.load_workbook(out / "2025-01" / "TongHop_2025-01.xlsx")["Biến động"]
        notes = [row[0] for row in sheet.iter_rows(values_only=True)
                 if str(row[0]).startswith(("(*)", "Xóm Nà Mòn"))]  # fmt: skip
        assert (codes, notes) == (
            codes, ["Xóm Nà Mòn: số liệu tháng 12/2024 gồm cả xóm Bản Cọ (sáp nhập từ tháng "
                    "01/2025)."])  # fmt: skip
