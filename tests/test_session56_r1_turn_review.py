"""Session 56, review R1 of helper B's pairing across hamlets at the year's turn: a household
the start list writes under its own hamlet and code, its head's name as December wrote it but
in capitals or another Unicode form, is its household before any pairing, so that a household
of its name and birth year moved into that hamlet under a new code is paired, not exited and
new. The commune of tests.test_session56_b_turn_moved, Bản Cọ listing one more household in
December: 'Lò văn Tám' (1960) poor under 010, besides Nà Mòn's 'Lò Văn Tám' (1960) 003."""

from __future__ import annotations

import json
import unicodedata
from datetime import date

import openpyxl
import pandas as pd

from pipeline.baselines import as_start_codes
from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import (
    na_mon_rows,
    run_renumbered_month,
    write_renumbered_plans,
)
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import (
    AN,
    BINH,
    month_tables_and_a_still_year,
    part_two,
    table,
)
from tests.test_session56_m_small_merger import write_plans

TAM = ("003", "Lò Văn Tám", 1960, "poor")  # Nà Mòn's in December
TWIN = ("010", "Lò văn Tám", 1960, "poor")  # Bản Cọ's in December, stays there under 010
# the 2025 start list (and January's lists): Bản Cọ's Tám in capitals under his 010, Nà Mòn's
# moved there under 011
STAYED = ("010", "LÒ VĂN TÁM", 1960, "poor")
MOVED = ("011", "Lò Văn Tám", 1960, "poor")
DUNG = ("003", "Lò Văn Dũng", 1962, "poor")  # on no list before, under Tám's freed 003


def test_a_household_the_start_list_writes_in_capitals_under_its_code_is_no_twin_of_one_moved():
    """as_start_codes by hand. December: Nà Mòn's Tám 003 and Bản Cọ's Tám 010, one name and
    birth year. The start list: Bản Cọ's 010 in capitals (or in NFD, or spaced apart), and
    Nà Mòn's Tám under Bản Cọ's 011. 010 is the same hamlet, code, name and year: Bản Cọ's own
    household, so the one Tám left on each side is the moved one: 003 is 011. Before: 010 was
    open to the pairing, two Tám a side of Bản Cọ and of the commune: nothing paired."""
    december = pd.DataFrame(
        [("Nà Mòn", "id|3", *TAM[:1], TAM[1], 1960.0, "poor"),
         ("Bản Cọ", "id|10", *TWIN[:1], TWIN[1], 1960.0, "poor")],
        columns=["hamlet", "hh_key", "ma_ho", "chu_ho", "nam_sinh", "phan_loai"],
    )  # fmt: skip
    for written in ("LÒ VĂN TÁM", unicodedata.normalize("NFD", "Lò văn Tám"), " Lò  văn Tám"):
        start = pd.DataFrame(
            [("Bản Cọ", "010", written, 1960, "poor"), ("Bản Cọ", *MOVED)],
            columns=["hamlet", "ma_ho", "chu_ho", "nam_sinh", "phan_loai"],
        )
        frame, renumbered = as_start_codes(december, start)
        assert (written, renumbered) == (written, {"id|3": "id|11"})
        assert frame["ma_ho"].tolist() == ["011", "010"]


def test_a_household_moved_beside_its_twin_written_in_capitals_is_moved_out_and_in(tmp_path):
    """January 2025: Nà Mòn lists An 001 and Bình 002, Bản Cọ its own, Tám 010 (in capitals)
    and Tám 011, as the start list. Worked by hand, the month table against December: Nà Mòn
    poor start 2 (An, Tám), moved out 1 (Tám, to Bản Cọ), end 1; Bản Cọ poor start 3 (Dung, Em,
    Tám 010), moved in 1, end 4; Đồng Kè 1 to 1; the commune 6, 1 out, 1 in, 6; near-poor 1 a
    hamlet, 3, unchanged. The year's table (the start list: Nà Mòn 1, Bản Cọ 4, Đồng Kè 1
    poor): nothing moved. February Nà Mòn lists Lò Văn Dũng (1962), on no list before, under
    003: new, not 'Tái nghèo' (Tám's 003 left no list at the turn). Before: Nà Mòn exited 1
    (003 "Không còn trong danh sách (đề nghị xác nhận)"), Bản Cọ new 1 (011 "Phát sinh
    mới"), and Dũng returned."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder, [AN, BINH], {"Bản Cọ": [STAYED, MOVED]})
    run_renumbered_month(folder, out, "2024-12", [AN, BINH, TAM], date(2025, 1, 3),
                         {"Bản Cọ": [TWIN]})  # fmt: skip
    summary = run_renumbered_month(
        folder, out, "2025-01", [AN, BINH], date(2025, 2, 3), {"Bản Cọ": [STAYED, MOVED]}
    )
    # start, to the other list, exited, not counted, moved out, from the other list, new,
    # returned, moved in, recounted, end
    na_mon = ((2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1), (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))
    ban_co = ((3, 0, 0, 0, 0, 0, 0, 0, 1, 0, 4), (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))
    dong_ke = ((1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))
    commune = ((6, 0, 0, 0, 1, 0, 0, 0, 1, 0, 6), (3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3))
    month = {"Nà Mòn": na_mon, "Bản Cọ": ban_co, "Đồng Kè": dong_ke}
    year = {"Nà Mòn": (1, 1), "Bản Cọ": (4, 1), "Đồng Kè": (1, 1)}
    month_tables_and_a_still_year(summary, month, year)
    assert table(summary["totals"]["movements_month"]) == commune
    assert part_two(out, "2025-01") == [
        *[(name, *month[name][0]) for name in month], ("Tổng cộng", *commune[0]),
        *[(name, *month[name][1]) for name in month], ("Tổng cộng", *commune[1]),
    ]  # fmt: skip
    assert listed_movements(out, "2025-01") == [
        ("Nà Mòn", "011", "Chuyển sang Bản Cọ", "So với tháng trước"),
        ("Bản Cọ", "011", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
    ]
    summary = run_renumbered_month(folder, out, "2025-02", [AN, BINH, DUNG], date(2025, 3, 3),
                                   {"Bản Cọ": [STAYED, MOVED]})  # fmt: skip
    na_mon = next(h for h in summary["hamlets"] if h["hamlet"] == "Nà Mòn")
    for scope in ("movements", "movements_month"):
        assert (scope, table(na_mon[scope])) == (
            scope, ((1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2), (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)))  # fmt: skip


def test_a_hamlet_renamed_at_the_turn_whose_codes_the_start_list_renumbers_is_renamed(tmp_path):
    """A guard of B's pairing across hamlets (session 56), found by the review. December 2024:
    Nà Mòn An 001, Cường 003 poor, Bình 002 near-poor; Bản Cọ Dung 004, Em 005 poor, Phương 006
    near-poor; Đồng Kè Giang 007 poor, Hải 008 near-poor. The 2025 plan writes Bản Cọ as 'Bản
    Cọ Mới', its three under 021-023 (the same heads and birth years), and January's lists so.
    Worked by hand: Bản Cọ Mới is Bản Cọ renamed since January, its month table from Bản Cọ's
    December: poor 2, near-poor 1, nothing moved; the commune 5 and 3, nothing moved; no
    household listed; the rename's note. Before session 56 (the pairing within a hamlet alone,
    the two names apart): no rename, Bản Cọ Mới compared with the start list ('plan')."""
    people = {
        "Nà Mòn": [AN, BINH, ("003", "Lò Văn Cường", 1953, "poor")],
        "Bản Cọ": [("004", "Hà Thị Dung", 1954, "poor"), ("005", "Hà Thị Em", 1955, "poor"),
                   ("006", "Hà Thị Phương", 1956, "near_poor")],
        "Đồng Kè": [("007", "Ma Văn Giang", 1957, "poor"), ("008", "Ma Văn Hải", 1958, "near_poor")],
    }  # fmt: skip
    renamed = {**people, "Bản Cọ Mới": [(f"{21 + i:03d}", *row[1:])
                                        for i, row in enumerate(people["Bản Cọ"])]}  # fmt: skip
    del renamed["Bản Cọ"]
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plans(folder, {2024: people, 2025: renamed})
    for period, lists, prepared in (("2024-12", people, date(2025, 1, 3)),
                                    ("2025-01", renamed, date(2025, 2, 3))):  # fmt: skip
        for n, (hamlet, rows) in enumerate(lists.items()):
            write_roster(folder, f"DS_{n}_{period}.xlsx", hamlet, 100,
                         na_mon_rows(rows, hamlet=hamlet), period, prepared)  # fmt: skip
        execute(folder, out, period)
    summary = json.loads((out / "2025-01" / "TongHop_2025-01.json").read_text("utf-8"))
    ban_co = next(h for h in summary["hamlets"] if h["hamlet"] == "Bản Cọ Mới")
    assert (ban_co.get("renamed_from"), ban_co.get("movements_month_from")) == (
        [{"hamlet": "Bản Cọ", "period": "2025-01"}], None)  # fmt: skip
    for scope in ("movements_month", "movements"):
        assert (scope, table(ban_co[scope])) == (scope, ((2, *[0] * 9, 2), (1, *[0] * 9, 1)))
        assert (scope, table(summary["totals"][scope])) == (
            scope, ((5, *[0] * 9, 5), (3, *[0] * 9, 3)))  # fmt: skip
    assert listed_movements(out, "2025-01") == []
    sheet = openpyxl.load_workbook(out / "2025-01" / "TongHop_2025-01.xlsx")["Biến động"]
    notes = [row[0] for row in sheet.iter_rows(values_only=True)
             if str(row[0]).startswith(("(*)", "Xóm Bản Cọ"))]  # fmt: skip
    assert notes == [
        "Xóm Bản Cọ Mới: số liệu tháng 12/2024 là của xóm Bản Cọ (đổi tên từ tháng 01/2025)."
    ]
