"""Session 66 (helper E): a start row a plan revision moves to another hamlet, told gone before.

E's commune (tests/test_session63_e_back_start_rows.py): Khuổi Hin, Nà Mòn and Đồng Kè, every
household poor, each plan's start list the lists it is given (100 households a hamlet).
February to April the plan gives Khuổi Hin K1 and B2 (Nà Mòn N1, Đồng Kè C1); every list writes
K1, N1, C1 alone: B2 is on no list of the year. February's table (the year's first month, no
month table beside it) counts B2 gone in Khuổi Hin and asks Khuổi Hin's head; the summary's
``start_rows`` has it ``unlisted`` under Khuổi Hin. May's plan (a revision) moves B2
to Nà Mòn's start rows.

Session 65 A2 (its (3)) asked Nà Mòn's head again in May and held B2 in Nà Mòn's May month
column, gone: the commune's month tables counted one household gone twice (February in Khuổi
Hin, May in Nà Mòn) where the year's table counts it once, and May's commune month column
started at 4 where April's ended at 3. Now B2's leaving is February's (the month whose lists,
every hamlet's accepted, Nà Mòn's too, first lacked it, its code told gone then): the year's
table holds it in Nà Mòn's start column, gone "từ tháng 2/2024", nothing asked again; May's
month tables do not hold it.
"""

from __future__ import annotations

from tests.commune import person
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session63_e_back_start_rows import B2, C1, FEB, K1, MAR, N1, run_steps
from tests.test_session64_a_back_in_plan import asked, poor_of
from tests.test_session65_a2_revision_month_table import notes

FIRST = {"Khuổi Hin": [K1, B2], "Nà Mòn": [N1], "Đồng Kè": [C1]}
MOVED = {"Khuổi Hin": [K1], "Nà Mòn": [N1, B2], "Đồng Kè": [C1]}
B2_GONE = (2, 0, 1, *[0] * 7, 1)  # 2, gone 1 (B2), 1
ONE = (1, *[0] * 9, 1)
COMMUNE_GONE = (4, 0, 1, *[0] * 7, 3)
COMMUNE_STILL = (3, *[0] * 9, 3)
# the hamlet asked in February named since session 67 (C): "(không ghi 'Thoát')" alone before
SINCE_FEB = "Không còn trong danh sách từ tháng 2/2024 (đã hỏi xóm Khuổi Hin; không ghi 'Thoát')"


def test_a_start_row_a_revision_moves_after_it_was_told_gone_is_gone_once_over_the_year(
    tmp_path,
):
    """Worked by hand. February (the year's first month: its year table is its month's): Khuổi
    Hin 2, gone 1 (B2), 1; the commune 4, gone 1, 3; B2 asked of Khuổi Hin's head. March and April: 1 to 1 a hamlet, the commune's month 3
    to 3. May (the revision): the year's table Khuổi Hin 1 to 1, Nà Mòn 2, gone 1 (B2), 1, the
    commune 4, gone 1, 3, B2's row "từ tháng 2/2024" in Nà Mòn; the month's tables against
    April's lists, 1 to 1 each, the commune 3 to 3 (April's end); nothing asked; June the same.
    The commune's month tables, February to June, count 1 gone: the year's table's 1. Before:
    May's month table Nà Mòn 2, gone 1, 1 and the commune 4, gone 1, 3 (2 gone over the
    months), B2 asked again (of Nà Mòn's head) in May and said gone "từ tháng 5/2024" in June.
    """
    steps = [(p, FIRST, FEB) for p in ("2024-02", "2024-03", "2024-04")]
    steps += [(p, MOVED, FEB) for p in ("2024-05", "2024-06")]
    done, out = run_steps(tmp_path, steps)
    feb = done["2024-02"]
    assert poor_of(feb, "movements")["Khuổi Hin"] == B2_GONE
    assert poor_of(feb, "movements")[None] == COMMUNE_GONE
    assert feb["totals"]["movements_month"] is None  # the year's first month: its year table
    assert asked(out, "2024-02") == ["B2 (Hoàng Văn B2)"]
    for period in ("2024-05", "2024-06"):
        summary = done[period]
        assert poor_of(summary, "movements")["Khuổi Hin"] == ONE, period
        assert poor_of(summary, "movements")["Nà Mòn"] == B2_GONE, period
        assert poor_of(summary, "movements")[None] == COMMUNE_GONE, period
        for hamlet in ("Khuổi Hin", "Nà Mòn", "Đồng Kè"):
            assert poor_of(summary, "movements_month")[hamlet] == ONE, (period, hamlet)
        assert poor_of(summary, "movements_month")[None] == COMMUNE_STILL, period
        assert summary["month_started"] == {}, period
        assert asked(out, period) == [], period
        assert listed_movements(out, period) == [("Nà Mòn", "B2", SINCE_FEB, "Từ đầu năm")]
    gone_by_month = [poor_of(done[p], "movements_month")[None][2] for p in sorted(done)[1:]]
    assert [1, *gone_by_month] == [1, 0, 0, 0, 0]
    gone_by_month = [1, *gone_by_month]  # February's month: its year table's
    assert poor_of(done["2024-06"], "movements")[None][2] == sum(gone_by_month)


def test_a_start_row_told_gone_under_the_name_then_is_not_held_when_its_hamlet_is_back_renamed(
    tmp_path,
):
    """Session 65 A2's Left (a). February's plan gives Khuổi Hin K1, K2, its list K1 (K2 gone,
    asked then; February's record has K2 unlisted under Khuổi Hin). March's plan (a revision)
    renames it Khuổi Hin Mới and gives it K1 alone, its list K1 (its own list under its own
    name); April's plan drops it; May's plan gives Khuổi Hin Mới K1, K2 again (Nà Mòn N1, N2),
    its list K1. Worked by hand, May: Khuổi Hin Mới is back in the plan, compared with its March
    list (K1); K2, told gone in February, is not in its start column again: the month's table 1
    to 1 (the commune's: Khuổi Hin Mới 1, Nà Mòn 2, N2 a revision's row counted from the start,
    Đồng Kè 1: 4 to 4); the year's table Khuổi Hin Mới 2, gone 1, 1, K2 "từ tháng 2/2024";
    nothing asked. Before: the back hamlet's start column read the record under Khuổi Hin Mới
    alone, so May's month table held K2, gone (2, gone 1, 1; the commune 5, gone 1, 4; its
    month row "đề nghị xác nhận" beside the year's "từ tháng 2/2024")."""
    k2, n2 = person("K2", "poor"), person("N2", "poor")
    new = "Khuổi Hin Mới"
    back = {new: [K1, k2], "Nà Mòn": [N1, n2], "Đồng Kè": [C1]}
    lists = {new: [K1], "Nà Mòn": [N1, n2], "Đồng Kè": [C1]}
    steps = [("2024-02", {"Khuổi Hin": [K1, k2], **MAR}, {"Khuổi Hin": [K1], **MAR}),
             ("2024-03", {new: [K1], **MAR}, {new: [K1], **MAR}),
             ("2024-04", MAR, MAR), ("2024-05", back, lists), ("2024-06", back, lists)]  # fmt: skip
    done, out = run_steps(tmp_path, steps)
    assert asked(out, "2024-02") == ["K2 (Hoàng Văn K2)"]
    assert done["2024-02"]["start_rows"]["Khuổi Hin"]["unlisted"] == ["K2"]
    assert done["2024-03"]["start_rows"][new]["unlisted"] == []
    may = done["2024-05"]
    assert poor_of(may, "movements")[new] == B2_GONE
    assert poor_of(may, "movements_month")[new] == ONE
    assert poor_of(may, "movements_month")[None] == (4, *[0] * 9, 4)
    assert may["month_started"] == {"Nà Mòn": ["N2"]}
    for period in ("2024-05", "2024-06"):
        assert asked(out, period) == [], period
        since = "Không còn trong danh sách từ tháng 2/2024 (không ghi 'Thoát')"
        assert listed_movements(out, period) == [(new, "K2", since, "Từ đầu năm")], period


def test_a_hamlet_merged_in_the_plan_is_no_revision_of_the_one_it_joined(tmp_path):
    """Session 65 A2's Left (c): a merger changes the joined hamlet's start rows as a revision
    does (``_given_since`` finds Nà Mòn's digest changed). February to April the plan gives Bản
    Cọ B1, B9 (Nà Mòn N1, Đồng Kè C1), Bản Cọ sends nothing; May's plan merges Bản Cọ into Nà
    Mòn (Nà Mòn's start rows N1, B1, B9), whose May list writes N1, B1. Worked by hand, May:
    Nà Mòn's year table 3, gone 1 (B9), 2; its month table against its start list (silent
    Bản Cọ's rows under it: the merger's rule, session 43) the same, the commune 4, gone 1, 3;
    B9 asked once, in May; no revision's (*) note, no ``month_started``; June "từ tháng 5/2024".
    The same before this session and with ``_given_since`` answering nothing: a merged
    hamlet's rows are told by its own record's ``unlisted`` the month its list was accepted
    (the walk's month too) and, silent, are in the month column already by the merger's rule."""
    b1, b9 = person("B1", "poor"), person("B9", "poor")
    before = {"Nà Mòn": [N1], "Bản Cọ": [b1, b9], "Đồng Kè": [C1]}
    merged = {"Nà Mòn": [N1, b1, b9], "Đồng Kè": [C1]}
    sent = {"Nà Mòn": [N1], "Đồng Kè": [C1]}
    steps = [(p, before, sent) for p in ("2024-02", "2024-03", "2024-04")]
    steps += [(p, merged, {"Nà Mòn": [N1, b1], "Đồng Kè": [C1]}) for p in ("2024-05", "2024-06")]
    done, out = run_steps(tmp_path, steps)
    may = done["2024-05"]
    for key in ("movements", "movements_month"):
        assert poor_of(may, key)["Nà Mòn"] == (3, 0, 1, *[0] * 7, 2), key
        assert poor_of(may, key)[None] == COMMUNE_GONE, key
    assert may["month_started"] == {}
    assert asked(out, "2024-05") == ["B9 (Hoàng Văn B9)"]
    assert not [text for text in notes(out, "2024-05") if "kế hoạch (đã sửa)" in text]
    assert asked(out, "2024-06") == []
    assert listed_movements(out, "2024-06") == [
        ("Nà Mòn", "B9", "Không còn trong danh sách từ tháng 5/2024 (không ghi 'Thoát')",
         "Từ đầu năm"),
    ]  # fmt: skip
