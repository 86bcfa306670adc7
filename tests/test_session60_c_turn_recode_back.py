"""Session 60 (helper C): session 59 B2's **Left** (1). The commune of
tests.test_session56_b_turn_moved: Nà Mòn's December 2024 Lò Văn An 001 poor, Lò Văn Bình 002
near-poor, Lò Văn Cường (1953) 003 poor; the 2025 start list has An 001 and Bình 002 in Nà Mòn
and Cường under 009 in Bản Cọ (Bản Cọ's Dung, Em poor and its near-poor; Đồng Kè one of each):
his household moved at the turn, the start list renumbering it. January: Bản Cọ's list writes
him 009 (or not: he left the lists then), Nà Mòn's has An and Bình. February: Bản Cọ's list
has no row of his, Nà Mòn writes him 003 again, last year's code."""

from __future__ import annotations

import json
from datetime import date

import openpyxl

from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import AN, BINH
from tests.test_session57_b_turn_kept import STILL, run_january, tables_of
from tests.test_session58_f_kept_recoded import month_run, said_of
from tests.year_turn import year_turn_households

CUONG_009 = ("009", "Lò Văn Cường", 1953, "poor")  # the start list's, Bản Cọ's January list's
CUONG_003 = ("003", "Lò Văn Cường", 1953, "poor")  # December's in Nà Mòn, written again

# each hamlet's and the commune's (None) tables: (the year's, the month's), each (poor,
# near-poor) of the eleven columns (start, to the other list, exited, not counted, moved out,
# from the other list, new, of which returned, moved in, counted again, end).
# February, Cường moved from Bản Cọ to Nà Mòn in both tables: the start list and January's
# lists alike have him in Bản Cọ (009); worked out in the test's docstring
MOVED_BACK = {
    "Nà Mòn": (((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), STILL),
               ((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), STILL)),
    "Bản Cọ": (((3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2), STILL),
               ((3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2), STILL)),
    "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
    None: (((5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), (3, *[0] * 9, 3)),
           ((5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), (3, *[0] * 9, 3))),
}  # fmt: skip
# March, 003 again: the year's as February's, the month's (February's lists) moving nothing
STILL_IN_MARCH = {
    **MOVED_BACK,
    "Nà Mòn": (MOVED_BACK["Nà Mòn"][0], ((2, *[0] * 9, 2), STILL)),
    "Bản Cọ": (MOVED_BACK["Bản Cọ"][0], ((2, *[0] * 9, 2), STILL)),
    None: (MOVED_BACK[None][0], ((5, *[0] * 9, 5), (3, *[0] * 9, 3))),
}
YEAR_ROWS = [
    ("Nà Mòn", "003", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
    ("Bản Cọ", "009", "Chuyển sang Nà Mòn", "Từ đầu năm"),
]
# (its last clause since session 60's review, C2: Bản Cọ's list holds 009's row, not Nà Mòn's)
MOVED_VI = (
    "Mã hộ '003' khác mã '009' của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong danh sách "
    "tháng 1/2025 của xóm Bản Cọ. Hộ được tính là một hộ chuyển đến xóm Nà Mòn từ xóm đó: không "
    "tính là thoát hay phát sinh mới. Nếu ghi nhầm mã, hãy sửa lại cho đúng mã trong sổ của xã; "
    "nếu xã đã đổi mã cho hộ thì không cần sửa; nếu đây là hai hộ khác nhau, hãy báo cho cán bộ "
    "xã: xóm Nà Mòn giữ nguyên dòng này, còn hộ mã '009' là hộ của xóm đó (nếu hộ đó đã thoát, "
    "xóm đó ghi lại dòng của hộ với Phân loại hộ 'Thoát')."
)


def _before_columns(out, period: str) -> list[tuple]:
    """'Biến động''s household list: (Xóm, Mã hộ, 'Đầu kỳ', scope) of each row."""
    rows = list(
        openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Biến động"].iter_rows(
            values_only=True
        )
    )
    at = next(i for i, row in enumerate(rows) if row[0] == "DANH SÁCH HỘ CÓ BIẾN ĐỘNG")
    return [(r[1], r[2], r[6], r[8]) for r in rows[at + 2 :] if isinstance(r[0], int)]


def test_a_household_renumbered_at_the_turn_written_again_under_last_years_code_is_moved(
    tmp_path,
):
    """Worked by hand. The start list: Nà Mòn poor 1 (An), near-poor 1 (Bình); Bản Cọ poor 3
    (Dung, Em, Cường 009), near-poor 1; Đồng Kè 1 and 1: the commune poor 5, near-poor 3.
    January's lists: the same households, Cường 009 in Bản Cọ. February: Nà Mòn An, Cường 003,
    Bình; Bản Cọ Dung, Em and its near-poor. One household, on a list every month, in Bản Cọ
    until January and in Nà Mòn now: moved, in both tables alike (start and January the same):
    Nà Mòn poor 1 + moved in 1 = 2, Bản Cọ 3 − moved out 1 = 2, the commune 5 − 1 + 1 = 5;
    near-poor 1 to 1 each, the commune 3 to 3. 'Biến động' lists the two moves of each table,
    the month's under 'Đầu kỳ' with January's code ("tháng 1/2025: mã 009"); nothing asks Bản
    Cọ to confirm him gone; his row is told its two codes (the plain 'code-changed': one
    household, not exited nor new). Before: both tables said Bản Cọ's 009 gone (exited 1,
    asked to confirm) and Nà Mòn's 003 'Phát sinh mới' (new 1, returned 0)."""
    run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    out = tmp_path / "ra"
    summary = month_run(tmp_path, out, 2, [AN, BINH, CUONG_003])
    assert tables_of(summary) == MOVED_BACK
    assert _before_columns(out, "2025-02") == [
        ("Nà Mòn", "003", "Hộ nghèo", "Từ đầu năm"),
        ("Bản Cọ", "009", "Hộ nghèo", "Từ đầu năm"),
        ("Nà Mòn", "003", "Hộ nghèo (tháng 1/2025: mã 009)", "So với tháng trước"),
        ("Bản Cọ", "003", "Hộ nghèo (tháng 1/2025: mã 009)", "So với tháng trước"),
    ]
    assert listed_movements(out, "2025-02") == [
        *YEAR_ROWS,
        ("Nà Mòn", "003", "Chuyển đến từ Bản Cọ", "So với tháng trước"),
        ("Bản Cọ", "003", "Chuyển sang Nà Mòn", "So với tháng trước"),
    ]
    assert said_of(out, "2025-02") == [("Nà Mòn", "B7", "003", "code-changed", MOVED_VI)]


def test_the_household_written_003_again_in_march_stays_moved_in_the_years_table(tmp_path):
    """March, Nà Mòn's list as February's: the year's table (the start list's 009 in Bản Cọ)
    still moves him, as February's; the month's (February's lists) moves nothing: Nà Mòn 2 to 2,
    Bản Cọ 2 to 2, the commune 5 to 5. The row is told its codes again, as a household kept at
    the turn is each month. Before: the year's table said 009 gone since February ("Không còn
    trong danh sách từ tháng 2/2025") and 003 'Phát sinh mới'."""
    run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    out = tmp_path / "ra"
    month_run(tmp_path, out, 2, [AN, BINH, CUONG_003])
    summary = month_run(tmp_path, out, 3, [AN, BINH, CUONG_003])
    assert tables_of(summary) == STILL_IN_MARCH
    assert listed_movements(out, "2025-03") == YEAR_ROWS
    assert said_of(out, "2025-03") == [("Nà Mòn", "B7", "003", "code-changed", MOVED_VI)]


BACK_VI = (
    "Mã hộ '003' khác mã '009' của cùng hộ này (cùng họ tên chủ hộ và năm sinh) trong danh sách "
    "đầu năm của xóm Bản Cọ; hộ đã ra khỏi danh sách sau đó. Hộ được tính là một hộ trở lại danh "
    "sách (tái nghèo hoặc tái cận nghèo), không phải hộ lần đầu vào danh sách. Nếu ghi nhầm mã, "
    "hãy sửa lại cho đúng mã trong sổ của xã; nếu xã đã đổi mã cho hộ thì không cần sửa; nếu "
    "đây là hai hộ khác nhau, hãy báo cho cán bộ xã."
)


def test_the_household_gone_in_january_and_written_003_in_february_is_back(tmp_path):
    """Bản Cọ's January list without him (009 asked to confirm then: he left the lists), Nà
    Mòn's February writes him 003. Worked by hand: the year's table (the start list) moves him
    from Bản Cọ, as a household kept at the turn back after leaving (session 58, R2): Nà Mòn
    poor 1 + moved in 1 = 2, Bản Cọ 3 − moved out 1 = 2, the commune 5 − 1 + 1 = 5; the month's
    (January: Nà Mòn An; Bản Cọ Dung, Em) counts him back: Nà Mòn poor 1 + new 1 (of which
    returned 1, 'Tái nghèo') = 2, Bản Cọ 2 to 2, the commune 4 + 1 = 5; near-poor 3 to 3. His
    row is told back under 003 after the start list's 009 in Bản Cọ. Before: the year's table
    said 009 gone since January and 003 new (the commune exited 1, new 1), the month's 003
    'Phát sinh mới' (returned 0): a household that had left counted new."""
    run_january(tmp_path, 100, [], na_mon=[AN, BINH])
    out = tmp_path / "ra"
    summary = month_run(tmp_path, out, 2, [AN, BINH, CUONG_003])
    assert tables_of(summary) == {
        "Nà Mòn": (MOVED_BACK["Nà Mòn"][0], ((1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 2), STILL)),
        "Bản Cọ": (MOVED_BACK["Bản Cọ"][0], ((2, *[0] * 9, 2), STILL)),
        "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
        None: (MOVED_BACK[None][0], ((4, 0, 0, 0, 0, 0, 1, 1, 0, 0, 5), (3, *[0] * 9, 3))),
    }
    assert listed_movements(out, "2025-02") == [
        *YEAR_ROWS,
        ("Nà Mòn", "003", "Tái nghèo", "So với tháng trước"),
    ]
    assert said_of(out, "2025-02") == [("Nà Mòn", "B7", "003", "code-changed", BACK_VI)]


# Bản Cọ's list refused ('abc' total): no table of its own, the commune's the sum of Nà Mòn's
# and Đồng Kè's (start poor 1 + 1, near-poor 1 + 1)
MOVED_IN_FROM_REFUSED = {
    "Nà Mòn": (((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), STILL),
               ((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), STILL)),
    "Bản Cọ": None,
    "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
    None: (((2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3), (2, *[0] * 9, 2)),
           ((2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3), (2, *[0] * 9, 2))),
}  # fmt: skip


def _na_mon_said(out, period: str) -> list[tuple]:
    return [row for row in said_of(out, period) if row[0] == "Nà Mòn"]


def test_the_household_written_003_while_its_january_hamlet_is_refused_is_moved_in_both(tmp_path):
    """Bản Cọ's February list refused ('abc' total), Nà Mòn writing him 003. Worked by hand,
    as a household written under the same code by another hamlet while its own is refused (moved
    in from there, session 59's note naming a hamlet without a table): the year's table (the
    start list's 009 in Bản Cọ) and the month's (January's 009 in Bản Cọ) alike: Nà Mòn poor 1
    + moved in 1 = 2; the commune (Nà Mòn, Đồng Kè) 2 + moved in 1 = 3, near-poor 2 to 2. His
    row told the codes, January's in Bản Cọ (his latest row). Before: both tables said Nà Mòn's 003
    'Phát sinh mới' (new 1); with the year's move alone, the month's still said it new."""
    run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    out = tmp_path / "ra"
    summary = month_run(tmp_path, out, 2, [AN, BINH, CUONG_003], "abc")
    assert tables_of(summary) == MOVED_IN_FROM_REFUSED
    assert listed_movements(out, "2025-02") == [
        ("Nà Mòn", "003", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
        ("Nà Mòn", "003", "Chuyển đến từ Bản Cọ", "So với tháng trước"),
    ]
    # January's list of Bản Cọ, his latest row (session 60's review, C2: the start list's before)
    assert _na_mon_said(out, "2025-02") == [("Nà Mòn", "B7", "003", "code-changed", MOVED_VI)]


EM_005 = ("005", "Hà Thị Em", 1955, "poor")  # the start list's, Bản Cọ's
EM_015 = ("015", "Hà Thị Em", 1955, "poor")  # Bản Cọ's March code for her
DUNG = ("004", "Hà Thị Dung", 1954, "poor")
PHUONG = ("006", "Hà Thị Phương", 1956, "near_poor")


def test_b_s_recoded_household_written_under_its_older_code_while_its_hamlet_is_refused(
    tmp_path,
):
    """Session 59 B's rule with Bản Cọ refused: Bản Cọ's lists of January and February as the
    start list (Dung 004, Em 005, Cường 009 poor, Phương 006 near-poor), March's writes Em 015
    (a code change by name within the hamlet); April's is refused ('abc' total) and Nà Mòn
    writes her 005. Worked by hand, as the same household under one code from a refused
    hamlet: the year's table (005 in Bản Cọ) and the month's (March's 015 in Bản Cọ) move her:
    Nà Mòn poor 1 + moved in 1 = 2; the commune (Nà Mòn, Đồng Kè) 2 + 1 = 3, near-poor 2 to 2.
    Before: the month's said her 'Phát sinh mới' (new 1, returned 0) beside the year's move."""
    run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    folder, out = tmp_path / "vao", tmp_path / "ra"
    for month, na_mon, ban_co, total in (
        (2, [AN, BINH], [DUNG, EM_005, PHUONG, CUONG_009], 100),
        (3, [AN, BINH], [DUNG, EM_015, PHUONG, CUONG_009], 100),
        (4, [AN, BINH, EM_005], [DUNG, PHUONG, CUONG_009], "abc"),
    ):
        for hamlet, slug, rows, households in (
            ("Nà Mòn", "NaMon", na_mon_rows(na_mon), 100),
            ("Bản Cọ", "BanCo", na_mon_rows(ban_co), total),
            ("Đồng Kè", "DongKe", year_turn_households("Đồng Kè", 2024), 100),
        ):
            write_roster(folder, f"{slug}_2025-{month:02d}.xlsx", hamlet, households, rows,
                         f"2025-{month:02d}", date(2025, month + 1, 3))  # fmt: skip
        execute(folder, out, f"2025-{month:02d}")
    summary = json.loads((out / "2025-04" / "TongHop_2025-04.json").read_text("utf-8"))
    assert tables_of(summary) == MOVED_IN_FROM_REFUSED
    assert listed_movements(out, "2025-04") == [
        ("Nà Mòn", "005", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
        ("Nà Mòn", "005", "Chuyển đến từ Bản Cọ", "So với tháng trước"),
    ]
    assert _na_mon_said(out, "2025-04") == []
