"""Session 62 (helper C): session 61 C2's and C3's Left, on hamlets dropped from the plan and
hamlets back in it.

1. A hamlet back in the plan compared with its list before it was dropped starts its month column
   with its start rows that list lacks (C2): the (*) note now says so, with their codes.
2. ``month_dropped`` (a dropped hamlet's households on no list now) was empty in January: it is
   worked out in January too, last year's households read in the start list's codes.
3. A dropped hamlet's household whose head's name and birth year one row of a list now alone
   shares, under a code new this month: the figures count that row new (two households), and the
   note says the one household it may be (``month_dropped_named``).
4. The renames oracle's seed 2281 small (C3's Left): a silent hamlet's start row, held since in
   another hamlet's row with an error, gone and back there, is moved out of the silent hamlet's
   table (compared with its start rows) and back (tái cận nghèo) in the other's, not moved in:
   both tables tell their own span, and the spans note says a move may count on one side."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, new_commune, person, write_renamed_plan, write_roster
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import table
from tests.test_session59_h2_renamed_then_merged_into import run_month_lists, write_plan_2024
from tests.test_session61_c2_found_untold import run_may
from tests.test_session61_c3_rename_told_before import RENAMED, bc_rows

K1, N1, C1 = person("K1", "poor"), person("N1", "poor"), person("C1", "poor")
B1, B2 = person("B1", "poor"), person("B2", "poor")
A1, A2, D1 = person("A1", "poor"), person("A2", "poor"), person("D1", "near_poor")
# a household of the same head as A1 (name and birth year) under a code no list had
X9 = person("X9", "poor", chu_ho="Hoàng Văn A1")
NONE = (0,) * 11


def notes(out: Path, period: str) -> list[str]:
    sheet = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Biến động"]
    return [str(row[0]) for row in sheet.iter_rows(values_only=True) if row[0]]


# 1. A hamlet back in the plan, its start rows its list before lacks


def test_the_star_note_of_a_hamlet_back_in_the_plan_says_its_start_rows_its_list_lacked(tmp_path):
    """C2's shape (tests/test_session61_c2_found_untold.py): Khuổi Hin's February list K1; the
    plan drops it in March; April's plan adds Bản Cọ (B1, B2 on its start list), silent; May's
    has Khuổi Hin again with K1, B1, B2 on its start rows, no Bản Cọ; its May list K1, B1, B2.
    Its month table is compared with its February list and starts at 3 (K1, and B1, B2 of the
    start list, on no list before): the (*) note says B1 and B2 are in its start column, not
    new. Before: the note named its February list alone, its start column 3 where that list
    had 1."""
    out, may = run_may(tmp_path)
    assert may["month_started"] == {"Khuổi Hin": ["B1", "B2"]}
    said = [n for n in notes(out, "2024-05") if n.startswith("(*)")]
    assert said == [
        "(*) So với danh sách trước đó của xóm: Khuổi Hin (tháng 2/2024) — xóm có lại trong kế "
        "hoạch từ tháng 5/2024, kế hoạch tháng 4/2024 không có xóm này. Cột đầu kỳ của Khuổi "
        "Hin gồm cả 2 hộ trong danh sách đầu năm của xóm mà danh sách tháng 2/2024 của xóm "
        "không có và danh sách tháng 4/2024 của xóm khác cũng không có (mã hộ B1, B2): các hộ "
        "này được tính từ đầu kỳ, không tính là phát sinh mới."
    ]


def test_a_start_row_another_hamlets_list_had_last_month_is_moved_in_and_not_in_the_note(tmp_path):
    """The same, but Nà Mòn's April list has B1 too (moved in from silent Bản Cọ's start rows):
    in May B1 moves from Nà Mòn to Khuổi Hin, told on both sides; the note names B2 alone.
    Khuổi Hin poor: start 2 (K1, B2), 1 moved in, 3; Nà Mòn: 2, 1 moved out, 1; the commune 5,
    1 out, 1 in, 5 (Đồng Kè C1). Before: no sentence (the figures the same)."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    feb = {"Khuổi Hin": [K1], "Nà Mòn": [N1], "Đồng Kè": [C1]}
    mar = {"Nà Mòn": [N1], "Đồng Kè": [C1]}
    steps = [
        ("2024-02", feb, feb),
        ("2024-03", mar, mar),
        ("2024-04", {**mar, "Bản Cọ": [B1, B2]}, {"Nà Mòn": [N1, B1], "Đồng Kè": [C1]}),
        ("2024-05", {"Khuổi Hin": [K1, B1, B2], **mar}, {"Khuổi Hin": [K1, B1, B2], **mar}),
    ]
    for period, plan, lists in steps:
        write_plan_2024(folder, plan)
        month = int(period[5:])
        may = run_month_lists(folder, out, period, lists, date(2024, month + 1, 3))
    hamlets = {h["hamlet"]: h for h in may["hamlets"]}
    poor = lambda h: table(hamlets[h]["movements_month"])[0]  # noqa: E731
    assert poor("Khuổi Hin") == (2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3)
    assert poor("Nà Mòn") == (2, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1)
    assert table(may["totals"]["movements_month"])[0] == (5, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5)
    assert may["month_started"] == {"Khuổi Hin": ["B2"]}
    (said,) = [n for n in notes(out, "2024-05") if n.startswith("(*)")]
    assert " Cột đầu kỳ của Khuổi Hin gồm cả 1 hộ trong danh sách đầu năm" in said
    assert said.endswith("(mã hộ B2): các hộ này được tính từ đầu kỳ, không tính là phát sinh mới.")


# 2. January


def write_plan_of(folder: Path, year: int, lists: dict[str, list[dict]]) -> None:
    """KeHoach_<year>.xlsx with ``lists`` as its start list (100 households a hamlet)."""
    hamlets = [dict(hamlet=h, start_households=100, poor_target=1, near_poor_target=0,
                    start_poor=[r["phan_loai"] for r in rows].count("Hộ nghèo"),
                    start_near_poor=[r["phan_loai"] for r in rows].count("Hộ cận nghèo"))
               for h, rows in lists.items()]  # fmt: skip
    start = [dict(row, hamlet=h, stt=0) for h, rows in lists.items() for row in rows]
    for stt, row in enumerate(start, start=1):
        row["stt"] = stt
    info = {**PLAN_INFO, "plan_year": year, "poor_target": 0.5, "near_poor_target": 0.0}
    write_plan_workbook(folder / f"KeHoach_{year}.xlsx", info, hamlets, start)


def run_period(folder: Path, out: Path, period: str, lists: dict[str, list[dict]]) -> dict:
    for old in folder.glob("DS_*.xlsx"):
        old.unlink()
    year, month = int(period[:4]), int(period[5:])
    prepared = date(year + (month == 12), month % 12 + 1, 3)
    for n, (hamlet, rows) in enumerate(lists.items()):
        write_roster(folder, f"DS_{n}_{period}.xlsx", hamlet, 100, [dict(r) for r in rows],
                     period, prepared)  # fmt: skip
    execute(folder, out, period)
    return json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))


def january(tmp_path, december: dict, start_2024: dict, lists: dict) -> tuple[Path, dict]:
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    write_plan_of(folder, 2023, december)
    run_period(folder, out, "2023-12", december)
    write_plan_of(folder, 2024, start_2024)
    return out, run_period(folder, out, "2024-01", lists)


def test_a_dropped_hamlets_households_on_no_list_in_january_are_said(tmp_path):
    """December 2023: Nà Mòn A1 poor; Đồng Kè C1 poor, D1 near-poor (poor 2 at the month's
    end). The 2024 plan has Đồng Kè alone (C1, D1), its January list the same. A1 is on no list
    and no start list: the commune's January month table poor 1 to 1 where December ended at 2,
    as in a later month (session 61 C2's note). Before: ``month_dropped`` empty in January, no
    note."""
    dec = {"Nà Mòn": [A1], "Đồng Kè": [C1, D1]}
    out, jan = january(tmp_path, dec, {"Đồng Kè": [C1, D1]}, {"Đồng Kè": [C1, D1]})
    one = ((1, *[0] * 9, 1), (1, *[0] * 9, 1))
    assert table(jan["totals"]["movements_month"]) == one
    assert jan["month_dropped"] == {"Nà Mòn": ["A1"]}
    said = [n for n in notes(out, "2024-01") if n.startswith("Xóm Nà Mòn không còn")]
    assert said == [
        "Xóm Nà Mòn không còn trong kế hoạch: 1 hộ trong danh sách tháng 12/2023 của xóm không "
        "có trong danh sách nào tháng này (mã hộ A1), nên không được tính ở bảng nào; cột 1 và "
        "12 của dòng Tổng cộng không gồm các hộ này. Hãy xác nhận các hộ này đã thoát, chuyển "
        "đi hay ghi sót."
    ]


def test_a_dropped_hamlet_whose_household_the_start_list_renumbered_elsewhere_is_merged(tmp_path):
    """Guard (passes before too): December 2023 Nà Mòn A1, A2 poor; Đồng Kè C1, D1. The 2024
    start list has Đồng Kè C1, D1 and X9 (A1's head and birth year: A1 renumbered there at the
    turn), January's list the same. Nà Mòn is merged into Đồng Kè at the turn (session 56, B):
    its December rows are Đồng Kè's, A2 told gone there (month poor 3, 1 gone, 2), none of
    Nà Mòn's households in no table: no note. The start list's renumbering at the turn is
    what made C2 keep January out; a hamlet it reaches is a merger, not a dropped name."""
    dec = {"Nà Mòn": [A1, A2], "Đồng Kè": [C1, D1]}
    out, jan = january(tmp_path, dec, {"Đồng Kè": [C1, D1, X9]}, {"Đồng Kè": [C1, D1, X9]})
    assert table(jan["totals"]["movements_month"])[0] == (3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2)
    assert jan["month_dropped"] == {}
    assert ("Đồng Kè", "A2", "Không còn trong danh sách (đề nghị xác nhận)") in [
        r[:3] for r in listed_movements(out, "2024-01")
    ]
    assert not [n for n in notes(out, "2024-01") if "không còn trong kế hoạch:" in n]


# 3. A dropped hamlet's household under a new code on a list now


def test_a_dropped_hamlets_household_whose_head_a_new_row_shares_is_named_beside(tmp_path):
    """April: Nà Mòn A1, A2 poor; Đồng Kè C1 poor, D1 near-poor. May's plan keeps Đồng Kè
    alone; its May list C1, D1 and X9, a code no list had, its head A1's (name and birth
    year). The figures count X9 new in Đồng Kè (two households: session 43's rule for one gone
    and one new under a new code the same month) and A1, A2 in no table: Đồng Kè poor 1, 1 new,
    2; the commune the same, where April ended at 3. The note names A1 and A2, and says X9 may
    be A1. Before: no ``month_dropped_named``, the note without the sentence."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    april = {"Nà Mòn": [A1, A2], "Đồng Kè": [C1, D1]}
    write_plan_2024(folder, april)
    run_month_lists(folder, out, "2024-04", april, date(2024, 5, 3))
    write_plan_2024(folder, {"Đồng Kè": [C1, D1]})
    may = run_month_lists(folder, out, "2024-05", {"Đồng Kè": [C1, D1, X9]}, date(2024, 6, 3))
    poor = (1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2)
    assert table(may["totals"]["movements_month"])[0] == poor
    assert may["month_dropped"] == {"Nà Mòn": ["A1", "A2"]}
    assert may["month_dropped_named"] == {"Nà Mòn": {"A1": {"hamlet": "Đồng Kè", "ma_ho": "X9"}}}
    said = [n for n in notes(out, "2024-05") if n.startswith("Xóm Nà Mòn không còn")]
    assert said == [
        "Xóm Nà Mòn không còn trong kế hoạch: 2 hộ trong danh sách tháng 4/2024 của xóm không "
        "có trong danh sách nào tháng này (mã hộ A1, A2), nên không được tính ở bảng nào; cột 1 "
        "và 12 của dòng Tổng cộng không gồm các hộ này. Hãy xác nhận các hộ này đã thoát, "
        "chuyển đi hay ghi sót. Hộ mã A1 có cùng họ tên chủ hộ và năm sinh với hộ mã X9 trong "
        "danh sách tháng này của xóm Đồng Kè, hộ được tính là phát sinh mới ở xóm đó: nếu là "
        "cùng một hộ thì hộ đã chuyển sang xóm Đồng Kè với mã hộ mới."
    ]


# 4. Seed 2281's held row, small


def test_a_silent_hamlets_start_row_back_elsewhere_is_moved_out_there_and_back_here(tmp_path):
    """C3's third shape (tests/test_session61_c3_rename_told_before.py): BC3 near-poor on Bản
    Cọ's start list (Bản Cọ silent March and April, renamed Bản Cọ Trên in April); on Đồng Kè's
    March list in a row left out (0 members); Đồng Kè Mới's April list without it (it left the
    lists); May: back on Đồng Kè Mới's list, DK2 moved from there to Bản Cọ Trên, whose first
    list this is. By hand, near-poor: Bản Cọ Trên against its start rows (BC3): BC3 moved out
    (to Đồng Kè Mới, in March), DK2 moved in: 1, 1 out, 1 in, 1. Đồng Kè Mới against April
    (DK2): DK2 moved out, BC3 back (tái cận nghèo: it left in April): 1, 1 out, 1 new of which
    1 returned, 1. Nà Mòn NM4, NM5: 2 to 2. The commune 4, 2 out, 1 new (returned), 1 in, 4:
    BC3's move in was in March, in no table's span (Đồng Kè's March row held it, not counted);
    the spans note says so. (Pinned: the oracle counts the same.)"""
    folder, out = new_commune(tmp_path)
    held = person("BC3", "near_poor", nhan_khau=0)
    run_lists(folder, out, "2024-03", {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows() + [held]})
    write_renamed_plan(folder, RENAMED)
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Đồng Kè Mới": dk_rows()})
    run_lists(folder, out, "2024-05",
              {"Nà Mòn": na_mon_rows(),
               "Bản Cọ Trên": bc_rows()[:2] + [person("DK2", "near_poor")],
               "Đồng Kè Mới": [person("DK1", "poor"), person("BC3", "near_poor")]})  # fmt: skip
    may = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    hamlets = {h["hamlet"]: h for h in may["hamlets"]}
    near = lambda h: table(hamlets[h]["movements_month"])[1]  # noqa: E731
    assert near("Bản Cọ Trên") == (1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1)
    assert near("Đồng Kè Mới") == (1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 1)
    assert near("Nà Mòn") == (2, *[0] * 9, 2)
    assert table(may["totals"]["movements_month"])[1] == (4, 0, 0, 0, 2, 0, 1, 1, 1, 0, 4)
    assert ("Bản Cọ Trên", "BC3", "Chuyển sang Đồng Kè Mới") in [
        r[:3] for r in listed_movements(out, "2024-05")
    ]
    said = [n for n in notes(out, "2024-05") if n.startswith("Dòng Tổng cộng là tổng")]
    assert len(said) == 1
    assert said[0].endswith(
        "Hộ chuyển xóm trong khoảng đó có thể chỉ tính ở một bên (chuyển đi hoặc chuyển đến)."
    )
