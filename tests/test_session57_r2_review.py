"""Session 57 (review R2) of the year's-turn and counted-once changes, on the commune of
tests.test_session57_b_turn_kept: Nà Mòn's December 2024 An 001 poor, Bình 002 near-poor,
Cường (1953) 003 poor; the 2025 start list has An 001, Bình 002 in Nà Mòn and Cường under 009
in Bản Cọ (Bản Cọ's Dung, Em poor and its near-poor; Đồng Kè one of each)."""

from __future__ import annotations

import json
import sys
from datetime import date

import pytest

from pipeline import timeline
from pipeline.checkfiles import check_files
from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import (
    na_mon_rows,
    run_renumbered_month,
    write_renumbered_plans,
)
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import AN, BINH, CUONG, MOVED, part_two, table
from tests.test_session57_b_turn_kept import CUONG_011, STILL, issues_of, run_january, tables_of
from tests.year_turn import year_turn_households


def _month(tmp_path, out, month: int, na_mon: list[tuple]) -> dict:
    """2025's ``month``: Nà Mòn ``na_mon``; Bản Cọ and Đồng Kè their own. Returns its JSON."""
    folder = tmp_path / "vao"
    for hamlet, slug, rows in (
        ("Nà Mòn", "NaMon", na_mon_rows(na_mon)),
        ("Bản Cọ", "BanCo", year_turn_households("Bản Cọ", 2024)),
        ("Đồng Kè", "DongKe", year_turn_households("Đồng Kè", 2024)),
    ):
        write_roster(folder, f"{slug}_2025-{month:02d}.xlsx", hamlet, 100, rows,
                     f"2025-{month:02d}", date(2025, month + 1, 3))  # fmt: skip
    period = f"2025-{month:02d}"
    execute(folder, out, period)
    return json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))


def test_a_household_kept_at_the_turn_that_left_later_and_came_back_is_tai_ngheo(tmp_path):
    """B2's flag. January as tests.test_session57_b_turn_kept (Bản Cọ accepted without Cường,
    Nà Mòn with him as 011: kept at the turn, moved in from Bản Cọ); February the same; March
    Nà Mòn's list without him (An, Bình: he left the lists); April with him as 011 again.
    Worked by hand, April: Nà Mòn's month table (March: An) poor 1, new 1, returned 1 ('Tái
    nghèo': he left in March and is back), 2; its year's (the start list: An) 1, moved in 1
    (from Bản Cọ, the start list's 009), 2; Bản Cọ month 2 to 2, year 3, moved out 1, 2; Đồng
    Kè still; the commune month poor 4, new 1, returned 1, 5, year 5, moved out 1, moved in 1,
    5; near-poor 3 to 3; 'Biến động' part II's cached values as the JSON. The turn's
    'moved-at-turn' words ("Hộ chưa ra khỏi danh sách nên không tính là tái nghèo …") are not
    said: he did leave. Before: the month's table new 1, returned 0 ('Phát sinh mới'), the
    words said."""
    _, out = run_january(tmp_path, 100, [])
    _month(tmp_path, out, 2, [AN, BINH, CUONG_011])
    march = _month(tmp_path, out, 3, [AN, BINH])
    assert tables_of(march)["Nà Mòn"][1] == ((2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1), STILL)
    summary = _month(tmp_path, out, 4, [AN, BINH, CUONG_011])
    found = tables_of(summary)
    assert found == {
        "Nà Mòn": (((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), STILL),
                   ((1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 2), STILL)),
        "Bản Cọ": (((3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2), STILL), ((2, *[0] * 9, 2), STILL)),
        "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
        None: (((5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), (3, *[0] * 9, 3)),
               ((4, 0, 0, 0, 0, 0, 1, 1, 0, 0, 5), (3, *[0] * 9, 3))),
    }  # fmt: skip
    month = {h: tables[1] for h, tables in found.items()}
    names = ("Nà Mòn", "Bản Cọ", "Đồng Kè")
    assert part_two(out, "2025-04") == [
        *[(name, *month[name][0]) for name in names], ("Tổng cộng", *month[None][0]),
        *[(name, *month[name][1]) for name in names], ("Tổng cộng", *month[None][1]),
    ]  # fmt: skip
    assert ("Nà Mòn", "011", "Tái nghèo", "So với tháng trước") in listed_movements(out, "2025-04")
    said = [row[3:] for row in issues_of(out, "2025-04") if row[3] == "code-changed"]
    assert said == []


CUONG_009 = ("009", "Lò Văn Cường", 1953, "poor")  # as the start list writes him, in Bản Cọ


@pytest.mark.parametrize(
    "other",
    [("011", "Hoàng Thị Mai", 1960, "poor"), ("011", "Lò Văn Cường", 1985, "poor")],
    ids=["another-name", "a-namesake-born-later"],
)
def test_an_id_number_typed_on_another_households_row_leaves_no_row_out(tmp_path, other):
    """Bản Cọ's January list with Cường 009 (the start list's household there, his ID number
    036614931234); Nà Mòn's with An, Bình and another household under 011 whose head's ID
    number is typed as Cường's by mistake: Hoàng Thị Mai (1960), or a namesake Lò Văn Cường born
    1985. Two households: neither row is left out; both are told by the plain
    'duplicate-id-number' (each at its ID number's cell G). Worked by hand: Nà Mòn's month
    table (December: An, Cường 003; Bình) poor 2, moved out 1 (Cường, to Bản Cọ), new 1 (011),
    2, its year's (the start list: An) 1, new 1, 2; Bản Cọ month 2, moved in 1, 3, year 3 to 3;
    Đồng Kè still; the commune month 5, moved out 1, new 1, moved in 1, 6, year 5, new 1, 6;
    near-poor 3 to 3; 'Biến động' part II as the JSON; the counts Nà Mòn 2 and 1, the commune
    6 and 3. Before: Nà Mòn's 011 left out ('duplicate-household-id' 'start-list-other'), the
    commune 5: another household lost for a typed number. `check` of the same lists says the
    same two plain warnings (before: 'start-list-other' at Nà Mòn's B7)."""
    summary, out = run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    folder = tmp_path / "vao"
    rows = na_mon_rows([AN, BINH, other])
    rows[2]["so_dinh_danh"] = na_mon_rows([CUONG_009])[0]["so_dinh_danh"]
    write_roster(folder, "NaMon_2025-01.xlsx", "Nà Mòn", 100, rows, "2025-01", date(2025, 2, 3))
    execute(folder, out, "2025-01")
    summary = json.loads((out / "2025-01" / "TongHop_2025-01.json").read_text("utf-8"))
    found = tables_of(summary)
    assert found == {
        "Nà Mòn": (((1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2), STILL),
                   ((2, 0, 0, 0, 1, 0, 1, 0, 0, 0, 2), STILL)),
        "Bản Cọ": (((3, *[0] * 9, 3), STILL), ((2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3), STILL)),
        "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
        None: (((5, 0, 0, 0, 0, 0, 1, 0, 0, 0, 6), (3, *[0] * 9, 3)),
               ((5, 0, 0, 0, 1, 0, 1, 0, 1, 0, 6), (3, *[0] * 9, 3))),
    }  # fmt: skip
    month = {h: tables[1] for h, tables in found.items()}
    names = ("Nà Mòn", "Bản Cọ", "Đồng Kè")
    assert part_two(out, "2025-01") == [
        *[(name, *month[name][0]) for name in names], ("Tổng cộng", *month[None][0]),
        *[(name, *month[name][1]) for name in names], ("Tổng cộng", *month[None][1]),
    ]  # fmt: skip
    counts = {h["hamlet"]: (h["poor"], h["near_poor"]) for h in summary["hamlets"]}
    assert counts == {"Nà Mòn": (2, 1), "Bản Cọ": (3, 1), "Đồng Kè": (1, 1)}
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (6, 3)
    said = [row[:4] for row in issues_of(out) if row[3] != "plan-commune-target-above-start"]
    assert said == [
        ("Bản Cọ", "G8", "036614931234", "duplicate-id-number"),
        ("Nà Mòn", "G7", "036614931234", "duplicate-id-number"),
    ]
    files = [folder / name for name in ("KeHoach_2025.xlsx", "NaMon_2025-01.xlsx",
                                         "BanCo_2025-01.xlsx", "DongKe_2025-01.xlsx")]  # fmt: skip
    checked = [(i.hamlet, i.cell, i.code, i.variant) for i in check_files(files)
               if i.code in ("duplicate-id-number", "duplicate-household-id")]  # fmt: skip
    assert checked == [
        ("Bản Cọ", "G8", "duplicate-id-number", ""),
        ("Nà Mòn", "G7", "duplicate-id-number", ""),
    ]


def test_two_hamlets_silent_in_december_read_their_november_list_once(tmp_path, monkeypatch):
    """A's rule (a household moved at the turn out of a hamlet silent in December) with Nà Mòn
    and Đồng Kè both silent in December, both last listed in November: November's stored rows
    are made a baseline once for both (a province's month is 150,000 rows, ~40 ms each time),
    not once a hamlet. The figures as A's test, Đồng Kè beside its start list (Giang, Hải, as
    its January list): the commune's month table poor 5, moved out 1, moved in 1, 5, near-poor
    3 to 3. Before: November made a baseline twice by the rule."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder, [AN, BINH], MOVED)
    run_renumbered_month(folder, out, "2024-11", [AN, BINH, CUONG], date(2024, 12, 3))
    write_roster(folder, "BanCo_2024-12.xlsx", "Bản Cọ", 100,
                 year_turn_households("Bản Cọ", 2024), "2024-12", date(2025, 1, 3))  # fmt: skip
    execute(folder, out, "2024-12")
    made: list[str] = []
    as_baseline = timeline.as_baseline

    def counted(history, period):
        if sys._getframe(1).f_code.co_name == "_silent_latest_rows":
            made.append(period)
        return as_baseline(history, period)

    monkeypatch.setattr(timeline, "as_baseline", counted)
    summary = run_renumbered_month(folder, out, "2025-01", [AN, BINH], date(2025, 2, 3), MOVED)
    assert made == ["2024-11"]
    assert table(summary["totals"]["movements_month"]) == (
        (5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), (3, *[0] * 9, 3))  # fmt: skip
