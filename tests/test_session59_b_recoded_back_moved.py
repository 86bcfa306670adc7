"""Session 59 (helper B): the **Left** (a) of "Session 58: review of B's merged hamlet silent at
the turn …" (R1). The commune of tests.test_session58_f_noted_code_counted (the 2025 start list:
Nà Mòn An 001 poor, Bình 002 near-poor; Bản Cọ Dung 004, Em 005 poor, Phương 006 near-poor,
Cường 009 poor; Đồng Kè Giang poor, Hải near-poor; January's and February's lists the same).
March: Bản Cọ writes Bà Hà Thị Em (1955) under a new code, 015 (a code change within the
hamlet: the same head's name and birth year). April: Bản Cọ's list has no row of hers; Nà Mòn
writes her under 005 again, her start list code."""

from __future__ import annotations

import json
from datetime import date

import pytest

from pipeline.run import execute
from tests.commune import write_roster
from tests.test_session54_b_renumbered_within import na_mon_rows
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import AN, BINH, part_two
from tests.test_session57_a_turn_silent_moved import part_one
from tests.test_session57_b2_start_list_kept import CUONG_009
from tests.test_session57_b_turn_kept import STILL, issues_of, run_january, tables_of
from tests.year_turn import year_turn_households

EM_015 = ("015", "Hà Thị Em", 1955, "poor")  # Em as Bản Cọ's March list writes her
EM_005 = ("005", "Hà Thị Em", 1955, "poor")  # her start list code, on Nà Mòn's April list

# April by hand, both tables alike (the start list, and March's lists: Nà Mòn An; Bình; Bản Cọ
# Dung, Em 015, Cường; Phương; Đồng Kè Giang; Hải): Em moved from Bản Cọ to Nà Mòn, nothing
# else. Poor then near-poor, the eleven columns of 'Biến động' (start, to near-poor, exited,
# not counted, moved out, from near-poor, new, of which returned, moved in, -, end).
NA_MON = ((1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2), STILL)  # 1 + moved in 1 = 2
BAN_CO = ((3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2), STILL)  # 3 - moved out 1 = 2
COMMUNE = ((5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5), (3, *[0] * 9, 3))  # 5 - 1 + 1 = 5; 3 to 3


def _to_april(tmp_path, noted: bool, april_ban_co_em: list[tuple] = ()) -> tuple[dict, object]:
    """January to April as the module says; Nà Mòn's April row of Em noted "Chuyển đến từ xóm
    Bản Cọ" where ``noted``; Bản Cọ's April list with ``april_ban_co_em`` in her place.
    Returns (April's JSON, the outputs' folder)."""
    _, out = run_january(tmp_path, 100, [CUONG_009], na_mon=[AN, BINH])
    folder = tmp_path / "vao"
    em = na_mon_rows([EM_005])
    if noted:
        em[0]["ghi_chu"] = "Chuyển đến từ xóm Bản Cọ"
    for month in (2, 3, 4):
        ban_co = year_turn_households("Bản Cọ", 2024)
        if month >= 3:
            ban_co = [row for row in ban_co if row["chu_ho"] != "Hà Thị Em"]
        ban_co += na_mon_rows([CUONG_009])
        if month == 3:
            ban_co += na_mon_rows([EM_015])
        if month == 4:
            ban_co += na_mon_rows(list(april_ban_co_em))
        for hamlet, slug, rows in (
            ("Nà Mòn", "NaMon", na_mon_rows([AN, BINH]) + (em if month == 4 else [])),
            ("Bản Cọ", "BanCo", ban_co),
            ("Đồng Kè", "DongKe", year_turn_households("Đồng Kè", 2024)),
        ):
            write_roster(folder, f"{slug}_2025-{month:02d}.xlsx", hamlet, 100, rows,
                         f"2025-{month:02d}", date(2025, month + 1, 3))  # fmt: skip
        execute(folder, out, f"2025-{month:02d}")
    return json.loads((out / "2025-04" / "TongHop_2025-04.json").read_text("utf-8")), out


def _said(out, period: str) -> list[tuple]:
    return [row for row in issues_of(out, period) if row[3] != "plan-commune-target-above-start"]


@pytest.mark.parametrize("noted", [True, False], ids=["noted", "unnoted"])
def test_a_household_recoded_then_back_under_its_old_code_in_another_hamlet_is_moved_there(
    tmp_path, noted
):
    """One household (Em: the same head, her code changed by her hamlet in March, her old code
    back in April) moved from Bản Cọ to Nà Mòn in April: the year's table (the start list's 005,
    matched by code) and now the month's too (March's 015, Bản Cọ's own code change of 005)
    say it, worked by hand above; 'Biến động' lists her moved in both scopes, the month's rows
    beside March's code ("tháng 3/2025: mã 015"), and no head is asked anything. The note
    changes nothing (the codes tell the move). Before: the month's table had Nà Mòn 'Phát sinh
    mới' (new 1) and Bản Cọ's 015 "Không còn trong danh sách (đề nghị xác nhận)" (exited 1),
    its head asked to confirm her gone: the commune exited 1 and new 1 beside the year's
    moved 1."""
    summary, out = _to_april(tmp_path, noted)
    assert tables_of(summary) == {
        "Nà Mòn": (NA_MON, NA_MON),
        "Bản Cọ": (BAN_CO, BAN_CO),
        "Đồng Kè": ((STILL, STILL), (STILL, STILL)),
        None: (COMMUNE, COMMUNE),
    }
    # the JSON's counts now and 'Biến động' parts I and II (the year's and the month's tables,
    # their total rows' cached values) as the JSON
    counts = {h["hamlet"]: (h["poor"], h["near_poor"]) for h in summary["hamlets"]}
    assert counts == {"Nà Mòn": (2, 1), "Bản Cọ": (2, 1), "Đồng Kè": (1, 1)}
    assert (summary["totals"]["poor"], summary["totals"]["near_poor"]) == (5, 3)
    both = [
        ("Nà Mòn", *NA_MON[0]), ("Bản Cọ", *BAN_CO[0]), ("Đồng Kè", *STILL),
        ("Tổng cộng", *COMMUNE[0]),
        ("Nà Mòn", *NA_MON[1]), ("Bản Cọ", *BAN_CO[1]), ("Đồng Kè", *STILL),
        ("Tổng cộng", *COMMUNE[1]),
    ]  # fmt: skip
    assert (part_one(out, "2025-04"), part_two(out, "2025-04")) == (both, both)
    assert listed_movements(out, "2025-04") == [
        ("Nà Mòn", "005", "Chuyển đến từ Bản Cọ", "Từ đầu năm"),
        ("Bản Cọ", "005", "Chuyển sang Nà Mòn", "Từ đầu năm"),
        ("Nà Mòn", "005", "Chuyển đến từ Bản Cọ", "So với tháng trước"),
        ("Bản Cọ", "005", "Chuyển sang Nà Mòn", "So với tháng trước"),
    ]
    assert _said(out, "2025-04") == []


def test_the_month_rows_of_the_move_show_marchs_code(tmp_path):
    """The month's two rows of Em's move say under 'Đầu kỳ' the class she had on March's list
    with the code that list wrote: "Hộ nghèo (tháng 3/2025: mã 015)", as January's rows of a
    household the start list renumbered say December's code (session 56); the year's rows the
    start list's class alone. Before: no such row (she was new and 015 gone)."""
    import openpyxl

    _, out = _to_april(tmp_path, True)
    rows = list(
        openpyxl.load_workbook(out / "2025-04" / "TongHop_2025-04.xlsx")["Biến động"].iter_rows(
            values_only=True
        )
    )
    at = next(i for i, row in enumerate(rows) if row[0] == "DANH SÁCH HỘ CÓ BIẾN ĐỘNG")
    before = [(r[1], r[6], r[8]) for r in rows[at + 2 :] if isinstance(r[0], int)]
    assert before == [
        ("Nà Mòn", "Hộ nghèo", "Từ đầu năm"),
        ("Bản Cọ", "Hộ nghèo", "Từ đầu năm"),
        ("Nà Mòn", "Hộ nghèo (tháng 3/2025: mã 015)", "So với tháng trước"),
        ("Bản Cọ", "Hộ nghèo (tháng 3/2025: mã 015)", "So với tháng trước"),
    ]


def test_her_march_code_still_on_her_hamlets_list_is_two_rows_as_before(tmp_path):
    """A guard: Bản Cọ's April list still writes Em under 015 while Nà Mòn writes her 005: the
    household is on both lists, not moved away from Bản Cọ (015 is not gone), so nothing is
    paired here: the month's table counts Nà Mòn's 005 new, as before the change (the two
    rows' question is another rule's)."""
    summary, _ = _to_april(tmp_path, True, [EM_015])
    month = tables_of(summary)["Nà Mòn"][1]
    assert month[0][6] == 1  # new, not moved in
    assert tables_of(summary)["Bản Cọ"][1] == ((3, *[0] * 9, 3), STILL)
