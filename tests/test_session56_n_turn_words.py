"""Session 56 (helper N): 'Biến động''s words over the year's turn where the receiving hamlet is
refused or the merged hamlet silent (R1's Left (b), (c) of "Session 56: review of the year's-turn
pairing across hamlets"). The commune of tests.test_session56_b_turn_moved: Nà Mòn's December
2024 Lò Văn An 001 poor, Lò Văn Bình 002 near-poor, Lò Văn Cường (1953) 003 poor; the 2025
start list has An 001 and Bình 002 in Nà Mòn and Cường under 009 in Bản Cọ."""

from __future__ import annotations

import json
from datetime import date

import openpyxl

from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import na_mon_rows, run_renumbered_month
from tests.test_session56_b_turn_moved import AN, BINH, MOVED, moved_at_the_turn, table
from tests.year_turn import year_turn_households

GONE = "Không còn trong danh sách (đề nghị xác nhận)"


def listed_rows(out, period: str) -> list[tuple]:
    """'Biến động''s household list: its header's columns B-I, then each row's."""
    wb = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")
    rows = list(wb["Biến động"].iter_rows(values_only=True))
    at = next(i for i, row in enumerate(rows) if row[0] == "DANH SÁCH HỘ CÓ BIẾN ĐỘNG")
    return [tuple(rows[at + 1][1:9])] + [
        tuple(r[1:9]) for r in rows[at + 2 :] if isinstance(r[0], int)
    ]


def test_a_household_moved_at_the_turn_to_a_hamlet_refused_in_january_shows_decembers_code(
    tmp_path,
):
    """January 2025: Nà Mòn lists An 001 and Bình 002; Bản Cọ's list (its own and Cường 009)
    refused for its 'Tổng số hộ dân cư' 'abc'; Đồng Kè its own. Worked by hand, the month table
    against December: Nà Mòn poor 2 (An, Cường 003, read as the start list's 009), Cường on no
    accepted list: exited 1, 1; near-poor 1 to 1; Đồng Kè 1 to 1 and 1 to 1; the commune (Nà Mòn
    and Đồng Kè) poor 3, exited 1, 2, near-poor 2 to 2. The year's table (the start list: Nà Mòn
    1, Đồng Kè 1 poor): nothing. The one row of the household list, Nà Mòn's, under the code
    Cường has now (009) with the code Nà Mòn's December list wrote him under beside his class
    then: 'Hộ nghèo (tháng 12/2024: mã 003)'. Before: 'Hộ nghèo' alone, nothing on the sheet
    saying 003, the code Nà Mòn's head knows him by."""
    folder, out = moved_at_the_turn(tmp_path)
    prepared = date(2025, 2, 3)
    for hamlet, slug, total, rows in (
        ("Nà Mòn", "NaMon", 100, na_mon_rows([AN, BINH])),
        ("Bản Cọ", "BanCo", "abc", year_turn_households("Bản Cọ", 2024) + na_mon_rows(MOVED["Bản Cọ"])),
        ("Đồng Kè", "DongKe", 100, year_turn_households("Đồng Kè", 2024)),
    ):  # fmt: skip
        write_roster(folder, f"{slug}_2025-01.xlsx", hamlet, total, rows, "2025-01", prepared)
    execute(folder, out, "2025-01")
    summary = json.loads((out / "2025-01" / "TongHop_2025-01.json").read_text("utf-8"))
    assert [(h["hamlet"], h["status"]) for h in summary["hamlets"]] == [
        ("Nà Mòn", "ok"), ("Bản Cọ", "rejected"), ("Đồng Kè", "ok")]  # fmt: skip
    # start, to the other list, exited, not counted, moved out, from the other list, new,
    # returned, moved in, recounted, end
    month = {
        "Nà Mòn": ((2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1), (1, *[0] * 9, 1)),
        "Đồng Kè": ((1, *[0] * 9, 1), (1, *[0] * 9, 1)),
    }
    for hamlet in (summary["hamlets"][0], summary["hamlets"][2]):
        name = hamlet["hamlet"]
        assert (name, table(hamlet["movements_month"])) == (name, month[name])
        assert (name, table(hamlet["movements"])) == (name, ((1, *[0] * 9, 1), (1, *[0] * 9, 1)))
    assert table(summary["totals"]["movements_month"]) == (
        (3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2), (2, *[0] * 9, 2))  # fmt: skip
    assert listed_rows(out, "2025-01") == [
        ("Xóm", "Mã hộ", "Họ và tên chủ hộ", "Danh sách", "Biến động", "Tháng 12/2024",
         "Hiện tại", "Phạm vi"),
        ("Nà Mòn", "009", "Lò Văn Cường", "Hộ nghèo", GONE, "Hộ nghèo (tháng 12/2024: mã 003)",
         "Không có trong danh sách", "So với tháng trước"),
    ]  # fmt: skip


def test_both_rows_of_a_household_moved_at_the_turn_show_decembers_code_once_code_now(tmp_path):
    """B's run (Bản Cọ's January list accepted): Nà Mòn's row "Chuyển sang Bản Cọ" and Bản Cọ's
    "Chuyển đến từ Nà Mòn", both under 009 (B's decision, kept), each with December's 003
    beside his class then (Nà Mòn's poor). February (compared with January, whose lists write
    the start list's codes): Cường's class changed in Bản Cọ, poor to near-poor: no December
    code said (the rows of both scopes under 009, 'Hộ nghèo' alone)."""
    folder, out = moved_at_the_turn(tmp_path)
    run_renumbered_month(folder, out, "2025-01", [AN, BINH], date(2025, 2, 3), MOVED)
    then = "Hộ nghèo (tháng 12/2024: mã 003)"
    assert listed_rows(out, "2025-01")[1:] == [
        ("Nà Mòn", "009", "Lò Văn Cường", "Hộ nghèo", "Chuyển sang Bản Cọ", then, "Hộ nghèo",
         "So với tháng trước"),
        ("Bản Cọ", "009", "Lò Văn Cường", "Hộ nghèo", "Chuyển đến từ Nà Mòn", then, "Hộ nghèo",
         "So với tháng trước"),
    ]  # fmt: skip
    near = {"Bản Cọ": [("009", "Lò Văn Cường", 1953, "near_poor")]}
    run_renumbered_month(folder, out, "2025-02", [AN, BINH], date(2025, 3, 3), near)
    assert {row[5] for row in listed_rows(out, "2025-02")[1:]} == {"Hộ nghèo"}
    assert {row[1] for row in listed_rows(out, "2025-02")[1:]} == {"009"}
