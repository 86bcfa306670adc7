"""Session 65 (review RW): a plan revision in a hamlet renamed at the same time (helper A's
start rows record beside helpers B's and H's rename paths), on E's commune
(tests/test_session63_e_back_start_rows.py)."""

from __future__ import annotations

from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session63_e_back_start_rows import B2, C1, FEB, K1, N1, run_steps
from tests.test_session64_a_back_in_plan import K2, asked, poor_of

NEW = "Khuổi Hin Mới"


def test_a_revision_adding_a_start_row_to_a_hamlet_it_renames_asks_it_at_the_first_list_after(
    tmp_path,
):
    """February to April the plan Khuổi Hin K1 and the lists the same; May's plan (a revision)
    renames Khuổi Hin 'Khuổi Hin Mới' and gives it K1, B2; June and July the same plan; the
    hamlet lists K1 alone. Worked by hand: May's year table Khuổi Hin Mới 2, gone 1 (B2), 1,
    asked in May; June and July "từ tháng 5/2024", no question (the records of February to
    April under 'Khuổi Hin', read under the name now)."""
    revised = {NEW: [K1, B2], "Nà Mòn": [N1], "Đồng Kè": [C1]}
    lists = {NEW: [K1], "Nà Mòn": [N1], "Đồng Kè": [C1]}
    steps = [(p, FEB, FEB) for p in ("2024-02", "2024-03", "2024-04")]
    steps += [(p, revised, lists) for p in ("2024-05", "2024-06", "2024-07")]
    done, out = run_steps(tmp_path, steps)
    assert asked(out, "2024-05") == ["B2 (Hoàng Văn B2)"]
    since_may = "Không còn trong danh sách từ tháng 5/2024 (không ghi 'Thoát')"
    for period in ("2024-05", "2024-06", "2024-07"):
        assert poor_of(done[period], "movements")[NEW] == (2, 0, 1, *[0] * 7, 1), period
        # May's month table as its year table (session 65 A2: a revision's row in the start
        # column the month its hamlet's list is accepted), June's and July's 1 to 1
        month = (2, 0, 1, *[0] * 7, 1) if period == "2024-05" else (1, *[0] * 9, 1)
        assert poor_of(done[period], "movements_month")[NEW] == month, period
    for period in ("2024-06", "2024-07"):
        assert asked(out, period) == [], period
        assert listed_movements(out, period) == [(NEW, "B2", since_may, "Từ đầu năm")], period


def test_a_start_row_told_gone_before_its_hamlet_merged_is_not_asked_again_under_the_hamlet_joined(
    tmp_path,
):
    """February to April the plan Khuổi Hin K1, K2, Nà Mòn N1, Đồng Kè C1; Khuổi Hin lists K1
    (K2 gone, asked in February). May's plan merges Khuổi Hin into Nà Mòn (its start rows K1,
    K2, N1: the record's digests differ from every month's, as a revision's would), Nà Mòn
    lists K1, N1. Worked by hand, May: Nà Mòn's year table 3, gone 1 (K2), 2, K2 "từ tháng
    2/2024" (February's record has it unlisted under Khuổi Hin, read under the hamlet joined),
    no question; the commune's year 4, gone 1, 3."""
    plan = {"Khuổi Hin": [K1, K2], "Nà Mòn": [N1], "Đồng Kè": [C1]}
    merged = {"Nà Mòn": [K1, K2, N1], "Đồng Kè": [C1]}
    steps = [(p, plan, FEB) for p in ("2024-02", "2024-03", "2024-04")]
    steps += [("2024-05", merged, {"Nà Mòn": [K1, N1], "Đồng Kè": [C1]})]
    done, out = run_steps(tmp_path, steps)
    assert asked(out, "2024-02") == ["K2 (Hoàng Văn K2)"]
    may = done["2024-05"]
    assert poor_of(may, "movements")["Nà Mòn"] == (3, 0, 1, *[0] * 7, 2)
    assert poor_of(may, "movements")[None] == (4, 0, 1, *[0] * 7, 3)
    assert asked(out, "2024-05") == []
    since_feb = "Không còn trong danh sách từ tháng 2/2024 (không ghi 'Thoát')"
    assert ("Nà Mòn", "K2", since_feb, "Từ đầu năm") in listed_movements(out, "2024-05")
