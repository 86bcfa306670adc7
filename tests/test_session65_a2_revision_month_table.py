"""Session 65 (helper A2): a plan revision's start row in the month table of its hamlet.

E's commune (tests/test_session63_e_back_start_rows.py): Khuổi Hin, Nà Mòn and Đồng Kè, every
household poor, each plan's start list the lists it is given (100 households a hamlet).
February to April the plan's start list K1, N1, C1 and the same lists; May's plan (a revision)
gives Khuổi Hin B2 too, on no list of the year. Session 65 A has the walk take B2 off the lists
at the first list of Khuổi Hin after the revision, so the year's table counts it gone then
and its head is asked then; the month's table held no such row (A's **Left** (2)): the two
tables of one workbook told two stories. Now the month column of the hamlet holds such a row
the month its list is the first to tell it (its code in the summary's ``month_started``, the
(*) note naming it): gone, moved, or listed (no move), as the year's table says.
"""

from __future__ import annotations

import openpyxl

from tests.commune import person
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session57_b_turn_kept import issues_of
from tests.test_session63_e_back_start_rows import B2, C1, FEB, K1, MAR, N1, run_steps
from tests.test_session64_a_back_in_plan import K2, asked, poor_of

REVISED = {"Khuổi Hin": [K1, B2], "Nà Mòn": [N1], "Đồng Kè": [C1]}
GONE = "Không còn trong danh sách (đề nghị xác nhận)"
PLAN_SCOPE = "So với danh sách đầu năm"
B2_GONE = (2, 0, 1, *[0] * 7, 1)  # Khuổi Hin: 2, gone 1 (B2), 1
ONE = (1, *[0] * 9, 1)


def notes(out, period: str) -> list[str]:
    """'Biến động''s (*) notes, and its start column headers marked (*)."""
    sheet = openpyxl.load_workbook(out / period / f"TongHop_{period}.xlsx")["Biến động"]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    return [c for c in cells if c.startswith("(*)") or c.endswith("(*)")]


def said(hamlet: str, then: str, codes: str) -> str:
    return (
        f"(*) Cột đầu kỳ của {hamlet} gồm cả 1 hộ mà kế hoạch (đã sửa) ghi trong danh sách đầu "
        f"năm của xóm nhưng danh sách {then} của xóm không có (mã hộ {codes}): các hộ này được "
        "tính từ đầu kỳ, không tính là phát sinh mới; hộ không có trong danh sách nào của tháng "
        "này được tính là thoát, như ở bảng từ đầu năm."
    )


def test_a_revision_start_row_gone_is_counted_gone_by_the_month_table_the_month_the_year_says(
    tmp_path,
):
    """May's plan gives Khuổi Hin K1, B2; its list K1 (May and June). Worked by hand, May: the
    year's table Khuổi Hin 2, gone 1, 1 (the commune 4, gone 1, 3), B2 asked; the month's table
    against April's list (K1) with B2 in the start column: 2, gone 1, 1, the commune 4, gone 1,
    3 (its start column one more than April's end, 3: the (*) note says B2); B2's month row
    compared with the start list. June: the month's table against May's list 1 to 1, the
    commune 3 to 3, B2's year row "từ tháng 5/2024" alone, nothing asked. Before: May's month
    table 1 to 1 (the commune 3 to 3): the year's table counted a leaving no month table did."""
    steps = [(p, FEB, FEB) for p in ("2024-02", "2024-03", "2024-04")]
    steps += [(p, REVISED, FEB) for p in ("2024-05", "2024-06")]
    done, out = run_steps(tmp_path, steps)
    may, june = done["2024-05"], done["2024-06"]
    assert poor_of(may, "movements")["Khuổi Hin"] == B2_GONE
    assert poor_of(may, "movements_month")["Khuổi Hin"] == B2_GONE
    assert poor_of(may, "movements")[None] == (4, 0, 1, *[0] * 7, 3)
    assert poor_of(may, "movements_month")[None] == (4, 0, 1, *[0] * 7, 3)
    assert poor_of(may, "movements_month")["Nà Mòn"] == ONE
    assert may["month_started"] == {"Khuổi Hin": ["B2"]}
    assert asked(out, "2024-05") == ["B2 (Hoàng Văn B2)"]
    assert listed_movements(out, "2024-05") == [
        ("Khuổi Hin", "B2", GONE, "Từ đầu năm"),
        ("Khuổi Hin", "B2", GONE, PLAN_SCOPE),
    ]
    assert notes(out, "2024-05") == [
        "Tháng 4/2024 (*)", "Tháng 4/2024 (*)", said("Khuổi Hin", "tháng 4/2024", "B2"),
    ]  # fmt: skip
    assert poor_of(june, "movements_month")["Khuổi Hin"] == ONE
    assert poor_of(june, "movements_month")[None] == (3, *[0] * 9, 3)
    assert june["month_started"] == {}
    assert asked(out, "2024-06") == []
    assert listed_movements(out, "2024-06") == [
        ("Khuổi Hin", "B2", "Không còn trong danh sách từ tháng 5/2024 (không ghi 'Thoát')",
         "Từ đầu năm"),
    ]  # fmt: skip
    assert notes(out, "2024-06") == []


def test_a_revision_start_row_of_a_hamlet_silent_that_month_leaves_in_both_tables_when_it_sends(
    tmp_path,
):
    """May's plan the revision, Khuổi Hin silent in May; June its list K1. Worked by hand, June:
    the year's table Khuổi Hin 2, gone 1, 1, B2 asked; the month's table against Khuổi Hin's
    April list (K1) with B2: 2, gone 1, 1; the commune's month 4, gone 1, 3 (Nà Mòn and Đồng Kè
    against May's lists, 1 to 1 each). Before: June's month table 1 to 1."""
    steps = [(p, FEB, FEB) for p in ("2024-02", "2024-03", "2024-04")]
    steps += [("2024-05", REVISED, MAR), ("2024-06", REVISED, FEB)]
    done, out = run_steps(tmp_path, steps)
    june = done["2024-06"]
    assert asked(out, "2024-05") == []
    assert poor_of(june, "movements")["Khuổi Hin"] == B2_GONE
    assert poor_of(june, "movements_month")["Khuổi Hin"] == B2_GONE
    assert poor_of(june, "movements_month")[None] == (4, 0, 1, *[0] * 7, 3)
    assert asked(out, "2024-06") == ["B2 (Hoàng Văn B2)"]
    assert listed_movements(out, "2024-06") == [
        ("Khuổi Hin", "B2", GONE, "Từ đầu năm"),
        ("Khuổi Hin", "B2", GONE, PLAN_SCOPE),
    ]
    assert notes(out, "2024-06")[-1] == said("Khuổi Hin", "tháng 4/2024", "B2")


def test_a_revision_start_row_first_listed_in_another_hamlet_is_moved_in_both_tables(tmp_path):
    """May's plan gives Khuổi Hin B2; Nà Mòn's May list writes B2 (on no list before). Worked
    by hand, May: the year's table Khuổi Hin 2, moved out 1, 1; Nà Mòn 1, moved in 1, 2; the
    month's tables the same (B2 in Khuổi Hin's start column), the commune's 4, moved out 1,
    moved in 1, 4 in both; nothing asked. Before: the month's table had B2 new in Nà Mòn (the
    commune 3, new 1, 4) where the year's moved it from Khuổi Hin."""
    lists = {"Khuổi Hin": [K1], "Nà Mòn": [N1, B2], "Đồng Kè": [C1]}
    steps = [(p, FEB, FEB) for p in ("2024-02", "2024-03", "2024-04")]
    steps += [("2024-05", REVISED, lists)]
    done, out = run_steps(tmp_path, steps)
    may = done["2024-05"]
    for key in ("movements", "movements_month"):
        assert poor_of(may, key)["Khuổi Hin"] == (2, *[0] * 3, 1, *[0] * 5, 1), key
        assert poor_of(may, key)["Nà Mòn"] == (1, *[0] * 7, 1, 0, 2), key
        assert poor_of(may, key)[None] == (4, *[0] * 3, 1, *[0] * 3, 1, 0, 4), key
    assert asked(out, "2024-05") == []
    assert listed_movements(out, "2024-05") == [
        ("Khuổi Hin", "B2", "Chuyển sang Nà Mòn", "Từ đầu năm"),
        ("Nà Mòn", "B2", "Chuyển đến từ Khuổi Hin", "Từ đầu năm"),
        ("Khuổi Hin", "B2", "Chuyển sang Nà Mòn", PLAN_SCOPE),
        ("Nà Mòn", "B2", "Chuyển đến từ Khuổi Hin", "So với tháng trước"),
    ]


def test_a_start_row_told_gone_then_is_not_asked_again_when_its_hamlet_is_back_renamed(tmp_path):
    """The plan Khuổi Hin K1, K2 in February, its list K1 (K2 gone, asked then; February's
    record has it unlisted under Khuổi Hin); March's and April's plans drop Khuổi Hin; May's
    plan, another file (Nà Mòn given N2 too), gives K1, K2 to Khuổi Hin Mới, whose May and June
    lists write K1: Khuổi Hin renamed (its one household). Worked by hand, May and June: the
    year's table Khuổi Hin Mới 2, gone 1 (K2), 1, K2 "từ tháng 2/2024"; the month's 1 to 1;
    nothing asked. Before: the walk read February's record under Khuổi Hin alone, so K2 left
    at May's list, asked a second time (May "đề nghị xác nhận", June "từ tháng 5/2024")."""
    n2 = person("N2", "poor")
    new = "Khuổi Hin Mới"
    revised = {new: [K1, K2], "Nà Mòn": [N1, n2], "Đồng Kè": [C1]}
    lists = {new: [K1], "Nà Mòn": [N1, n2], "Đồng Kè": [C1]}
    steps = [("2024-02", {"Khuổi Hin": [K1, K2], **MAR}, {"Khuổi Hin": [K1], **MAR}),
             ("2024-03", MAR, MAR), ("2024-04", MAR, MAR),
             ("2024-05", revised, lists), ("2024-06", revised, lists)]  # fmt: skip
    done, out = run_steps(tmp_path, steps)
    assert asked(out, "2024-02") == ["K2 (Hoàng Văn K2)"]
    assert done["2024-02"]["start_rows"]["Khuổi Hin"]["unlisted"] == ["K2"]
    since_feb = "Không còn trong danh sách từ tháng 2/2024 (không ghi 'Thoát')"
    for period in ("2024-05", "2024-06"):
        assert poor_of(done[period], "movements")[new] == (2, 0, 1, *[0] * 7, 1), period
        assert poor_of(done[period], "movements_month")[new] == ONE, period
        assert asked(out, period) == [], period
        assert listed_movements(out, period) == [(new, "K2", since_feb, "Từ đầu năm")], period


def test_a_start_row_a_revision_moves_to_another_hamlet_after_it_was_told_gone_is_not_asked_again(
    tmp_path,
):
    """The plan gives Khuổi Hin K1, B2 from February; its lists K1 (B2 gone, Khuổi Hin's head
    asked in February). May's plan (a revision) moves B2 to Nà Mòn's start rows; Nà Mòn lists N1
    alone. Decided by session 65 A2 (3): asked again, of Nà Mòn's head, B2 in Nà Mòn's May month
    column. Taken back by session 66 E (the lead's brief, A2's Left (b)): the commune's month
    tables then counted B2 gone twice (February, May) where the year's counts it once, May's
    month column starting at 4 where April's ended at 3. Now, by hand, May: the year's table
    Khuổi Hin 1 to 1, Nà Mòn 2, gone 1, 1, the commune 4, gone 1, 3 (B2 gone once, since
    February); the month's tables 1 to 1 a hamlet, the commune 3 to 3; nothing asked in May;
    June "từ tháng 2/2024" in Nà Mòn (tests/test_session66_e_revision_moved_row.py)."""
    first = {"Khuổi Hin": [K1, B2], "Nà Mòn": [N1], "Đồng Kè": [C1]}
    revised = {"Khuổi Hin": [K1], "Nà Mòn": [N1, B2], "Đồng Kè": [C1]}
    steps = [(p, first, FEB) for p in ("2024-02", "2024-03", "2024-04")]
    steps += [(p, revised, FEB) for p in ("2024-05", "2024-06")]
    done, out = run_steps(tmp_path, steps)
    assert vanished(out, "2024-02") == [("Khuổi Hin", "B2 (Hoàng Văn B2)")]
    may = done["2024-05"]
    assert poor_of(may, "movements")["Khuổi Hin"] == ONE
    assert poor_of(may, "movements")["Nà Mòn"] == B2_GONE
    assert poor_of(may, "movements")[None] == (4, 0, 1, *[0] * 7, 3)
    assert poor_of(may, "movements_month")["Khuổi Hin"] == ONE
    assert poor_of(may, "movements_month")["Nà Mòn"] == ONE  # session 66 E: B2_GONE before
    assert poor_of(may, "movements_month")[None] == (3, *[0] * 9, 3)  # (4, gone 1, 3) before
    assert vanished(out, "2024-05") == []  # session 66 E: [("Nà Mòn", B2)] before
    assert vanished(out, "2024-06") == []
    assert listed_movements(out, "2024-06") == [
        (
            "Nà Mòn",
            "B2",
            "Không còn trong danh sách từ tháng 2/2024 (đã hỏi xóm Khuổi Hin; không ghi 'Thoát')",
            "Từ đầu năm",
        ),
    ]  # session 66 E: "từ tháng 5/2024" before; session 67 C names the hamlet asked


def vanished(out, period: str) -> list[tuple]:
    """(hamlet, household) of each 'vanished-household' warning of ``period``."""
    return [(row[0], row[2]) for row in issues_of(out, period) if row[3] == "vanished-household"]
