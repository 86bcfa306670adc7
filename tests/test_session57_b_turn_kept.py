"""Session 57 (helper B): R5's Left (a) and (b) of "Session 56: review of the late year's-turn
changes". The commune of tests.test_session56_b_turn_moved: Nà Mòn's December 2024 Lò Văn An
001 poor, Lò Văn Bình 002 near-poor, Lò Văn Cường (1953) 003 poor; the 2025 start list has An
001 and Bình 002 in Nà Mòn and Cường under 009 in Bản Cọ (Bản Cọ's Dung, Em poor and its
near-poor; Đồng Kè one of each). Nà Mòn's January list writes Cường under a new code, 011."""

from __future__ import annotations

import json
from datetime import date

import openpyxl

from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import AN, BINH, moved_at_the_turn, part_two, table
from tests.test_session56_n2_vanished_moved import january
from tests.year_turn import year_turn_households

CUONG_011 = ("011", "Lò Văn Cường", 1953, "poor")  # Cường as Nà Mòn's January list writes him

KEPT_VI = (
    "Mã hộ '011' khác mã '003' của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong danh sách "
    "tháng 12/2024; danh sách đầu năm 2025 ghi hộ ở xóm Bản Cọ, Mã hộ 009. Hộ chưa ra khỏi danh "
    "sách nên không tính là tái nghèo hay phát sinh mới: theo danh sách đầu năm, hộ được tính là "
    "chuyển đến xóm Nà Mòn từ xóm đó. Nếu hộ vẫn ở xóm Nà Mòn (danh sách đầu năm ghi nhầm xóm), "
    "hãy báo xã để sửa danh sách đầu năm; nếu hộ đã chuyển sang xóm đó, hãy xóa dòng này (không "
    "ghi 'Thoát'): xóm đó ghi hộ vào danh sách của mình với Mã hộ đó."
)
STILL = (1, *[0] * 9, 1)

# Cường kept in Nà Mòn as 011, the start list's 009 in Bản Cọ, worked by hand in the tests'
# docstrings: each hamlet's and the commune's (None) year's and month's tables, poor then
# near-poor, with Bản Cọ's January list accepted without him, or refused (January's and,
# unchanged, February's: session 57 B2)
KEPT_ACCEPTED = {
    "Nà Mòn": (((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), STILL), ((2, *[0] * 9, 2), STILL)),
    "Bản Cọ": (((3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2), STILL), ((2, *[0] * 9, 2), STILL)),
    "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
    None: (((5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), (3, *[0] * 9, 3)),
           ((5, *[0] * 9, 5), (3, *[0] * 9, 3))),
}  # fmt: skip
KEPT_REFUSED = {
    "Nà Mòn": (((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), STILL), ((2, *[0] * 9, 2), STILL)),
    "Bản Cọ": None,
    "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
    None: (((2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3), (2, *[0] * 9, 2)),
           ((3, *[0] * 9, 3), (2, *[0] * 9, 2))),
}  # fmt: skip


def issues_of(out, period: str = "2025-01") -> list[tuple]:
    """'Lỗi dữ liệu''s rows: (Xóm, Ô, Giá trị, code, Nội dung)."""
    sheet = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Lỗi dữ liệu"]
    return [(r[1], r[4], r[7], r[9], r[10]) for r in sheet.iter_rows(min_row=8, values_only=True)
            if r[9]]  # fmt: skip


def run_january(tmp_path, ban_co_total, ban_co_moved, na_mon=None) -> tuple:
    """December as tests.test_session56_b_turn_moved; January: Nà Mòn An, Bình, Cường 011
    (or ``na_mon``); Bản Cọ its own and ``ban_co_moved``, its total ``ban_co_total``; Đồng Kè
    its own. Returns (the JSON, the outputs' folder)."""
    folder, out = moved_at_the_turn(tmp_path)
    january(folder, out, [AN, BINH, CUONG_011] if na_mon is None else na_mon, ban_co_total,
            ban_co_moved)  # fmt: skip
    return json.loads((out / "2025-01" / "TongHop_2025-01.json").read_text("utf-8")), out


def tables_of(summary: dict) -> dict:
    """hamlet (None: the commune) -> (its year's table, its month's), each (poor, near-poor)
    of the eleven columns; a hamlet without tables (refused) -> None."""
    found = {
        h["hamlet"]: (table(h["movements"]), table(h["movements_month"]))
        if h["movements"] is not None
        else None
        for h in summary["hamlets"]
    }
    totals = summary["totals"]
    found[None] = (table(totals["movements"]), table(totals["movements_month"]))
    return found


def test_a_household_kept_here_the_start_list_writes_elsewhere_is_moved_in_not_back(tmp_path):
    """Bản Cọ's January list refused ('abc' total). Worked by hand: Cường never left the lists
    (December's Nà Mòn, the start list's Bản Cọ, January's Nà Mòn); the year's table compares
    with the start list, which has him in Bản Cọ: Nà Mòn poor start 1 (An), moved in 1, end 2;
    near-poor 1 to 1; the month's table (December: An, Cường) 2 to 2, nothing moved; Đồng Kè
    still; the commune (Nà Mòn and Đồng Kè) year poor 2, moved in 1, 3, near-poor 2 to 2,
    month poor 3 to 3. 'Biến động' lists 011 "Chuyển đến từ Bản Cọ" (the year's), and the
    row's 'code-changed' says both codes and the start list's hamlet, not "hộ đã ra khỏi danh
    sách". Before: year new 1, returned 1 ('Tái nghèo'), the words "…; hộ đã ra khỏi danh
    sách sau đó"."""
    summary, out = run_january(tmp_path, "abc", [])
    assert tables_of(summary) == KEPT_REFUSED
    assert listed_movements(out, "2025-01") == [
        ("Nà Mòn", "011", "Chuyển đến từ Bản Cọ", "Từ đầu năm")
    ]
    said = [row for row in issues_of(out) if row[3] == "code-changed"]
    assert said == [("Nà Mòn", "B7", "011", "code-changed", KEPT_VI)]


def test_a_household_kept_here_its_start_list_hamlet_without_it_is_moved_out_there(tmp_path):
    """Bản Cọ's January list accepted without him. Worked by hand: the year's tables, against
    the start list: Nà Mòn poor 1, moved in 1, 2; Bản Cọ poor 3 (Dung, Em, Cường 009), moved
    out 1, 2; near-poor unchanged; the commune poor 5, moved out 1, moved in 1, 5 (no exit,
    nothing new); the month's tables (December: Cường in Nà Mòn) nothing moved: Nà Mòn 2, Bản
    Cọ 2, the commune 5. Before: Nà Mòn returned 1 (new 1), Bản Cọ's 009 gone (exited 1)."""
    summary, out = run_january(tmp_path, 100, [])
    assert tables_of(summary) == KEPT_ACCEPTED
    assert listed_movements(out, "2025-01") == [
        ("Nà Mòn", "011", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
        ("Bản Cọ", "009", "Chuyển sang Nà Mòn", "Từ đầu năm"),
    ]
    assert [row[3] for row in issues_of(out)] == ["code-changed"]


TWICE_KEPT = (
    "Số định danh '036614931234' trùng với xóm Nà Mòn, tệp NaMon_2025-01.xlsx, dòng 7, Mã hộ "
    "'011': có lẽ là cùng một hộ được ghi ở hai xóm. Danh sách đầu năm ghi hộ ở xóm Bản Cọ với "
    "Mã hộ của dòng này, nên xã tính hộ ở xóm Bản Cọ; dòng kia tạm chưa được tính (một hộ chỉ "
    "được tính một lần). Đề nghị hai xóm xác nhận hộ đang sống ở xóm nào: nếu ở xóm Bản Cọ, giữ "
    "nguyên dòng này, xóm kia xóa dòng của hộ; nếu hộ đã chuyển sang xóm kia, hãy xóa dòng này "
    "(không ghi 'Thoát') và báo xã để sửa danh sách đầu năm."
)
TWICE_OTHER = (
    "Hộ Mã hộ '011' có cùng số định danh của chủ hộ với xóm Bản Cọ, tệp BanCo_2025-01.xlsx, dòng "
    "8, Mã hộ '009': có lẽ là cùng một hộ được ghi ở hai xóm. Danh sách đầu năm ghi hộ đó ở xóm "
    "kia với Mã hộ '009', nên xã tạm tính hộ ở xóm kia; dòng này chưa được tính (một hộ chỉ được "
    "tính một lần). Đề nghị hai xóm xác nhận hộ đang sống ở xóm nào: nếu hộ ở xóm Nà Mòn, hãy "
    "báo xã để sửa danh sách đầu năm và xóm kia xóa dòng của hộ, rồi tổng hợp lại; nếu hộ ở xóm "
    "kia, hãy xóa dòng này (không ghi 'Thoát')."
)


def test_a_household_on_both_lists_at_the_turn_is_counted_once_where_the_start_list_has_it(
    tmp_path,
):
    """Bản Cọ's January list accepted with him as 009 (the start list's code there), Nà Mòn's
    with him as 011: one head's ID number on both rows. Worked by hand, Bản Cọ's row counted
    (the start list's hamlet), Nà Mòn's left out until the hamlets say where he lives: Nà Mòn
    poor 1 now (An), near-poor 1; its month's table (December: An, Cường) poor 2, moved out 1
    (to Bản Cọ), 1; its year's (the start list: An) 1 to 1; Bản Cọ month poor 2, moved in 1, 3,
    year 3 to 3; Đồng Kè still; the commune month poor 5, moved out 1, moved in 1, 5, year 5 to
    5, near-poor 3 to 3: the household once. Both rows told, each naming the other's hamlet,
    file, row and code and asking where he lives ('Lỗi dữ liệu', Bản Cọ's row 8 'G8' a warning,
    Nà Mòn's row 7 'B7' an error); no 'code-changed'. Before: both counted, Nà Mòn month new 1
    (returned 1) besides moved out 1, the commune poor 6 in both tables, told only by the plain
    'duplicate-id-number'."""
    summary, out = run_january(tmp_path, 100, [("009", "Lò Văn Cường", 1953, "poor")])
    assert tables_of(summary) == {
        "Nà Mòn": ((STILL, STILL), ((2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1), STILL)),
        "Bản Cọ": (((3, *[0] * 9, 3), STILL), ((2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3), STILL)),
        "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
        None: (((5, *[0] * 9, 5), (3, *[0] * 9, 3)),
               ((5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), (3, *[0] * 9, 3))),
    }  # fmt: skip
    # 'Biến động' part II (the month's table), its total row's cached values, as the JSON
    month = {h: tables[1] for h, tables in tables_of(summary).items()}
    names = ("Nà Mòn", "Bản Cọ", "Đồng Kè")
    assert part_two(out, "2025-01") == [
        *[(name, *month[name][0]) for name in names], ("Tổng cộng", *month[None][0]),
        *[(name, *month[name][1]) for name in names], ("Tổng cộng", *month[None][1]),
    ]  # fmt: skip
    counts = {h["hamlet"]: (h["poor"], h["near_poor"]) for h in summary["hamlets"]}
    assert counts == {"Nà Mòn": (1, 1), "Bản Cọ": (3, 1), "Đồng Kè": (1, 1)}
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (5, 3)
    assert [row for row in issues_of(out) if row[3] != "plan-commune-target-above-start"] == [
        ("Bản Cọ", "G8", "036614931234", "duplicate-id-number", TWICE_KEPT),
        ("Nà Mòn", "B7", "011", "duplicate-household-id", TWICE_OTHER),
    ]
    assert listed_movements(out, "2025-01") == [
        ("Nà Mòn", "009", "Chuyển sang Bản Cọ", "So với tháng trước"),
        ("Bản Cọ", "009", "Chuyển đến từ Nà Mòn", "So với tháng trước"),
    ]


def test_a_household_on_both_lists_stays_counted_once_while_the_hamlets_have_not_answered(
    tmp_path,
):
    """January as above; February both lists as in January (the heads have not answered).
    Worked by hand: Bản Cọ's row counted again, Nà Mòn's left out again: Nà Mòn's month table
    (January: An; Bình near-poor; 011 in a row left out) poor 1 to 1, near-poor 1 to 1, its
    year's 1 to 1; Bản Cọ 3 to 3 both; the commune poor 5 to 5 in both tables; both rows told
    as in January. Before (the rule in January alone): Nà Mòn's 011 new 1 in both tables, the
    commune poor 6."""
    moved = [("009", "Lò Văn Cường", 1953, "poor")]
    _, out = run_january(tmp_path, 100, moved)
    folder = tmp_path / "vao"
    for hamlet, slug, rows in (
        ("Nà Mòn", "NaMon", na_mon_rows([AN, BINH, CUONG_011])),
        ("Bản Cọ", "BanCo", year_turn_households("Bản Cọ", 2024) + na_mon_rows(moved)),
        ("Đồng Kè", "DongKe", year_turn_households("Đồng Kè", 2024)),
    ):
        write_roster(folder, f"{slug}_2025-02.xlsx", hamlet, 100, rows, "2025-02", date(2025, 3, 3))
    execute(folder, out, "2025-02")
    summary = json.loads((out / "2025-02" / "TongHop_2025-02.json").read_text("utf-8"))
    assert tables_of(summary) == {
        "Nà Mòn": ((STILL, STILL), (STILL, STILL)),
        "Bản Cọ": (((3, *[0] * 9, 3), STILL), ((3, *[0] * 9, 3), STILL)),
        "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
        None: (((5, *[0] * 9, 5), (3, *[0] * 9, 3)), ((5, *[0] * 9, 5), (3, *[0] * 9, 3))),
    }
    said = [row[:4] for row in issues_of(out, "2025-02")
            if row[3] != "plan-commune-target-above-start"]  # fmt: skip
    assert said == [
        ("Bản Cọ", "G8", "036614931234", "duplicate-id-number"),
        ("Nà Mòn", "B7", "011", "duplicate-household-id"),
    ]
    assert listed_movements(out, "2025-02") == []
