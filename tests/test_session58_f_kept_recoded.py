"""Session 58 (helper F): session 57's leftovers on a household kept at the year's turn (R2's
**Left**). The commune of tests.test_session57_b_turn_kept: Nà Mòn's December 2024 Lò Văn An
001 poor, Lò Văn Bình 002 near-poor, Lò Văn Cường (1953) 003 poor; the 2025 start list has An
001 and Bình 002 in Nà Mòn and Cường under 009 in Bản Cọ (Bản Cọ's Dung, Em poor and its
near-poor; Đồng Kè one of each). Nà Mòn's January list writes Cường under a new code, 011:
kept at the turn, moved in from Bản Cọ (session 57, B and B2)."""

from __future__ import annotations

import json
from datetime import date

from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import AN, BINH, part_two
from tests.test_session57_b_turn_kept import (
    CUONG_011,
    KEPT_ACCEPTED,
    KEPT_REFUSED,
    STILL,
    issues_of,
    run_january,
    tables_of,
)
from tests.year_turn import year_turn_households

CUONG_013 = ("013", "Lò Văn Cường", 1953, "poor")  # Cường re-coded again within the year

# the row's 'code-changed' 'moved-at-turn' words once re-coded from 011 (February's)
RECODED_VI = (
    "Mã hộ '013' khác mã '011' của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong danh sách "
    "tháng {m}/2025; danh sách đầu năm 2025 ghi hộ ở xóm Bản Cọ, Mã hộ 009. Hộ chưa ra khỏi danh "
    "sách nên không tính là tái nghèo hay phát sinh mới: theo danh sách đầu năm, hộ được tính là "
    "chuyển đến xóm Nà Mòn từ xóm đó. Nếu hộ vẫn ở xóm Nà Mòn (danh sách đầu năm ghi nhầm xóm), "
    "hãy báo xã để sửa danh sách đầu năm; nếu hộ đã chuyển sang xóm đó, hãy xóa dòng này (không "
    "ghi 'Thoát'): xóm đó ghi hộ vào danh sách của mình với Mã hộ đó."
)
VANISHED_011 = (
    "Hộ 011 (Lò Văn Cường) có trong danh sách tháng 2/2025 nhưng không có trong danh sách kỳ này; "
    "đã tính là thoát. Đề nghị xóm xác nhận: nếu đúng, hãy ghi lại dòng của hộ (đủ các cột như "
    "các hộ khác) với Phân loại hộ 'Thoát'. Nếu hộ chỉ chuyển sang xóm khác trong xã thì không "
    "ghi lại: xóm nơi hộ đến ghi hộ vào danh sách của mình với Mã hộ cũ."
)
MOVED = [
    ("Nà Mòn", "013", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
    ("Bản Cọ", "009", "Chuyển sang Nà Mòn", "Từ đầu năm"),
]


def month_run(tmp_path, out, month: int, na_mon: list[tuple], ban_co_total=100) -> dict:
    """2025's ``month``: Nà Mòn ``na_mon``; Bản Cọ its own (total ``ban_co_total``: 'abc' is
    refused); Đồng Kè its own. Returns its JSON (also read by session 59 B's and B2's tests)."""
    folder = tmp_path / "vao"
    for hamlet, slug, total, rows in (
        ("Nà Mòn", "NaMon", 100, na_mon_rows(na_mon)),
        ("Bản Cọ", "BanCo", ban_co_total, year_turn_households("Bản Cọ", 2024)),
        ("Đồng Kè", "DongKe", 100, year_turn_households("Đồng Kè", 2024)),
    ):
        write_roster(folder, f"{slug}_2025-{month:02d}.xlsx", hamlet, total, rows,
                     f"2025-{month:02d}", date(2025, month + 1, 3))  # fmt: skip
    period = f"2025-{month:02d}"
    execute(folder, out, period)
    return json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))


def said_of(out, period: str) -> list[tuple]:
    return [row for row in issues_of(out, period) if row[3] != "plan-commune-target-above-start"]


def test_a_kept_household_recoded_again_in_march_stays_moved_in_from_the_start_lists_hamlet(
    tmp_path,
):
    """(a) Bản Cọ's lists accepted without Cường; Nà Mòn's January and February write him as
    011, March and April as 013 (name and birth year alike). Worked by hand: he never left a
    list, so March reads as February: the year's tables (the start list) Nà Mòn poor 1 (An),
    moved in 1, 2; Bản Cọ 3 (Dung, Em, Cường 009), moved out 1, 2; the commune 5, moved out 1,
    moved in 1, 5; near-poor 1 to 1 each, the commune 3 to 3. The month's (February's lists: the
    code change 011 -> 013 pairs him by name) nothing moved: Nà Mòn 2, Bản Cọ 2, the commune 5.
    'Biến động' lists 013 "Chuyển đến từ Bản Cọ" and 009 "Chuyển sang Nà Mòn"; the row's one
    'code-changed' warning names February's 011 and asks the start list's question. April, 013
    again: the same tables and words. Before: March's year's table Nà Mòn new 1, returned 1
    ('Tái nghèo'), Bản Cọ's 009 exited ("Không còn trong danh sách từ tháng 1/2025"), the
    commune exited 1, new 1, returned 1."""
    _, out = run_january(tmp_path, 100, [])
    month_run(tmp_path, out, 2, [AN, BINH, CUONG_011])
    for month in (3, 4):
        period = f"2025-{month:02d}"
        summary = month_run(tmp_path, out, month, [AN, BINH, CUONG_013])
        found = tables_of(summary)
        assert found == KEPT_ACCEPTED, period
        assert listed_movements(out, period) == MOVED
        assert said_of(out, period) == [
            ("Nà Mòn", "B7", "013", "code-changed", RECODED_VI.format(m=2))
        ]
        month_tables = {h: tables[1] for h, tables in found.items()}
        names = ("Nà Mòn", "Bản Cọ", "Đồng Kè")
        assert part_two(out, period) == [
            *[(name, *month_tables[name][0]) for name in names],
            ("Tổng cộng", *month_tables[None][0]),
            *[(name, *month_tables[name][1]) for name in names],
            ("Tổng cộng", *month_tables[None][1]),
        ]


def test_a_kept_household_recoded_in_february_its_start_list_hamlet_refused_stays_moved_in(
    tmp_path,
):
    """(a) Bản Cọ's lists refused ('abc' total); Nà Mòn's January writes Cường as 011, its
    February as 013. Worked by hand: Nà Mòn's year's table poor 1, moved in 1, 2, its month's
    (January: An, Cường 011) 2 to 2; the commune (Nà Mòn, Đồng Kè) year poor 2, moved in 1, 3,
    near-poor 2 to 2, month 3 to 3. Before: Nà Mòn's year new 1, returned 1."""
    run_january(tmp_path, "abc", [])
    summary = month_run(tmp_path, tmp_path / "ra", 2, [AN, BINH, CUONG_013], "abc")
    assert tables_of(summary) == KEPT_REFUSED
    assert listed_movements(tmp_path / "ra", "2025-02") == MOVED[:1]
    said = [row for row in said_of(tmp_path / "ra", "2025-02") if row[0] == "Nà Mòn"]
    assert said == [("Nà Mòn", "B7", "013", "code-changed", RECODED_VI.format(m=1))]


def test_a_kept_household_that_left_and_is_back_under_another_code_reads_as_back_under_its_own(
    tmp_path,
):
    """R2's case (he left Nà Mòn's list in March: An, Bình) with April writing him as 013, not
    011. Worked by hand, as R2's April under 011: Nà Mòn's month (March: An) poor 1, new 1,
    returned 1 ('Tái nghèo'), 2; its year's 1, moved in 1 (from Bản Cọ), 2; Bản Cọ year 3, moved
    out 1, 2, month 2 to 2; the commune month 4, new 1, returned 1, 5, year 5, moved out 1,
    moved in 1, 5; near-poor 3 to 3. The row is told back ('returned' words naming 011).
    Before: the year's table Nà Mòn new 1, returned 1 and Bản Cọ's 009 exited (the commune
    exited 1, new 1, returned 1), unlike the same household back under 011."""
    _, out = run_january(tmp_path, 100, [])
    month_run(tmp_path, out, 2, [AN, BINH, CUONG_011])
    month_run(tmp_path, out, 3, [AN, BINH])
    summary = month_run(tmp_path, out, 4, [AN, BINH, CUONG_013])
    assert tables_of(summary) == {
        "Nà Mòn": (((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), STILL),
                   ((1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 2), STILL)),
        "Bản Cọ": (((3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2), STILL), ((2, *[0] * 9, 2), STILL)),
        "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
        None: (((5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), (3, *[0] * 9, 3)),
               ((4, 0, 0, 0, 0, 0, 1, 1, 0, 0, 5), (3, *[0] * 9, 3))),
    }  # fmt: skip
    assert listed_movements(out, "2025-04") == [
        *MOVED,
        ("Nà Mòn", "013", "Tái nghèo", "So với tháng trước"),
    ]
    said = said_of(out, "2025-04")
    assert [row[:4] for row in said] == [("Nà Mòn", "B7", "013", "code-changed")]
    assert "hộ đã ra khỏi danh sách sau đó" in said[0][4]


def test_the_start_list_row_of_a_kept_household_gone_since_says_the_month_it_left(tmp_path):
    """(b) R2's case: Nà Mòn's January and February write Cường as 011, its March and April
    lists do not (An, Bình); Bản Cọ's lists never had him. Worked by hand: the household left
    the lists in March (Nà Mòn's month table: 011 "Không còn trong danh sách (đề nghị xác
    nhận)"), so Bản Cọ's year's table, whose start list row 009 is gone (poor 3, exited 1, 2),
    says "Không còn trong danh sách từ tháng 3/2025 (không ghi 'Thoát')" in March and in
    April; in May, 011 back, moved out again ("Chuyển sang Nà Mòn"); June gone again: "từ
    tháng 6/2025". March's 'vanished-household' asks Nà Mòn's head to confirm 011 gone (its
    table says "đề nghị xác nhận"), April asks nothing more. Before: "từ tháng 1/2025", a month
    he was on Nà Mòn's list, and March asked nothing (011, gone now, was taken for a household
    that had left before: the walk's left_from holds this month's leavings)."""
    _, out = run_january(tmp_path, 100, [])
    month_run(tmp_path, out, 2, [AN, BINH, CUONG_011])
    gone = "Không còn trong danh sách từ tháng {m}/2025 (không ghi 'Thoát')"
    summary = month_run(tmp_path, out, 3, [AN, BINH])
    assert tables_of(summary)["Bản Cọ"][0] == ((3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2), STILL)
    assert listed_movements(out, "2025-03") == [
        ("Bản Cọ", "009", gone.format(m=3), "Từ đầu năm"),
        ("Nà Mòn", "011", "Không còn trong danh sách (đề nghị xác nhận)", "So với tháng trước"),
    ]
    assert said_of(out, "2025-03") == [
        ("Nà Mòn", None, "011 (Lò Văn Cường)", "vanished-household", VANISHED_011)
    ]
    month_run(tmp_path, out, 4, [AN, BINH])
    assert listed_movements(out, "2025-04")[0] == ("Bản Cọ", "009", gone.format(m=3), "Từ đầu năm")
    assert said_of(out, "2025-04") == []  # asked once, in March
    month_run(tmp_path, out, 5, [AN, BINH, CUONG_011])
    assert listed_movements(out, "2025-05")[:2] == [
        ("Nà Mòn", "011", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
        ("Bản Cọ", "009", "Chuyển sang Nà Mòn", "Từ đầu năm"),
    ]
    month_run(tmp_path, out, 6, [AN, BINH])
    assert listed_movements(out, "2025-06")[0] == ("Bản Cọ", "009", gone.format(m=6), "Từ đầu năm")


def test_the_start_list_row_of_a_kept_household_written_thoat_since_stays_exited(tmp_path):
    """(b) As above, Nà Mòn's March list writing Cường 011 'Thoát', its April list without
    him. Worked by hand: March's year's table, Bản Cọ poor 3, exited 1, 2, lists 009 "Thoát
    nghèo" (as before); April the same: he was written 'Thoát', nothing to confirm. Before:
    April said 009 "Không còn trong danh sách từ tháng 1/2025 (không ghi 'Thoát')"."""
    _, out = run_january(tmp_path, 100, [])
    month_run(tmp_path, out, 2, [AN, BINH, CUONG_011])
    month_run(tmp_path, out, 3, [AN, BINH, ("011", "Lò Văn Cường", 1953, "exited")])
    summary = month_run(tmp_path, out, 4, [AN, BINH])
    assert tables_of(summary)["Bản Cọ"][0] == ((3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2), STILL)
    assert listed_movements(out, "2025-04") == [("Bản Cọ", "009", "Thoát nghèo", "Từ đầu năm")]
