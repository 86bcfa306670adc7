"""Session 55 (helper B): the year's turn pairing's leftovers of session 54 (helpers B, R2, R3,
R4). The commune of tests.test_session54_b_renumbered_within: Nà Mòn's 2024 codes An 001, Bình
002, Cường 003; the 2025 start list compacts them, Bình 001 near-poor, Cường 002 poor; Bản Cọ
and Đồng Kè keep their codes."""

from __future__ import annotations

from datetime import date

import openpyxl

from tests.test_session54_b_renumbered_within import (
    DECEMBER,
    ends,
    moved,
    run_renumbered_month,
    write_renumbered_plans,
)

JANUARY = [("001", "Lò Văn Bình", 1952, "near_poor"), ("002", "Lò Văn Cường", 1953, "poor")]
DUNG = ("003", "Lò Văn Dũng", 1960, "poor")  # on no list before, under the code 003 freed


def silent_in_december(tmp_path) -> tuple:
    """The plans; November 2024's lists (Nà Mòn's :data:`DECEMBER`'s households: An 001
    'Thoát', Bình 002 near-poor, Cường 003 poor), December's without Nà Mòn's. Returns the
    folders (lists, outputs)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_renumbered_plans(folder)
    run_renumbered_month(folder, out, "2024-11", DECEMBER, date(2024, 12, 3))
    run_renumbered_month(folder, out, "2024-12", None, date(2025, 1, 3))
    return folder, out


def listed_movements(out, period: str) -> list[tuple]:
    """'Biến động''s household list: (hamlet, Mã hộ, movement, scope) of each row."""
    wb = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")
    rows = list(wb["Biến động"].iter_rows(values_only=True))
    at = next(i for i, row in enumerate(rows) if row[0] == "DANH SÁCH HỘ CÓ BIẾN ĐỘNG")
    return [(r[1], r[2], r[5], r[8]) for r in rows[at + 2 :] if isinstance(r[0], int)]


def assert_dung_new(summary: dict) -> None:
    """Nà Mòn: poor 1 (Cường) + 1 new (Dũng), of which 0 returned = 2; near-poor 1 to 1
    (Bình); both tables. Bản Cọ (2, 1) and Đồng Kè (1, 1): nothing moved."""
    start = {"Nà Mòn": (1, 2, 1, 1), "Bản Cọ": (2, 2, 1, 1), "Đồng Kè": (1, 1, 1, 1)}
    for hamlet in summary["hamlets"]:
        name = hamlet["hamlet"]
        want = {("poor", "new"): 1} if name == "Nà Mòn" else {}
        for scope in ("movements", "movements_month"):
            assert (scope, name, moved(hamlet, scope)) == (scope, name, want)
            assert (scope, name, ends(hamlet, scope)) == (scope, name, start[name])


def test_a_household_new_in_january_under_a_code_freed_in_a_hamlet_silent_in_december(
    tmp_path,
):
    """Nà Mòn silent in December (its last list November's); its January list writes the start
    list's codes and Lò Văn Dũng (1960), on no list before, poor under 003, the code the start
    list took off Cường (002 now). Worked by hand: Cường's 003 left no list at the turn (the
    start list renumbered him), so Dũng is new, not 'Tái nghèo'. Part II compares Nà Mòn with
    the start list (no December list). Before: 003 read in December, where Nà Mòn has no row:
    not renumbered, so Dũng returned 1 in both tables."""
    folder, out = silent_in_december(tmp_path)
    summary = run_renumbered_month(folder, out, "2025-01", [*JANUARY, DUNG], date(2025, 2, 3))
    assert_dung_new(summary)
    assert listed_movements(out, "2025-01") == [
        ("Nà Mòn", "003", "Phát sinh mới", "Từ đầu năm"),
        ("Nà Mòn", "003", "Phát sinh mới", "So với danh sách đầu năm"),
    ]


def test_a_household_new_in_february_under_a_code_freed_in_a_hamlet_silent_in_december(
    tmp_path,
):
    """As above, Dũng first written in February (January: Bình 001, Cường 002). Worked by
    hand: both tables of February (the month's against January) poor 1 → 2, new 1, returned
    0. Before: renumbered_at_turn read last year's latest month across all hamlets (December,
    without Nà Mòn): Dũng 'Tái nghèo' in both tables."""
    folder, out = silent_in_december(tmp_path)
    run_renumbered_month(folder, out, "2025-01", JANUARY, date(2025, 2, 3))
    summary = run_renumbered_month(folder, out, "2025-02", [*JANUARY, DUNG], date(2025, 3, 3))
    assert_dung_new(summary)
    assert listed_movements(out, "2025-02") == [
        ("Nà Mòn", "003", "Phát sinh mới", "Từ đầu năm"),
        ("Nà Mòn", "003", "Phát sinh mới", "So với tháng trước"),
    ]
