"""Session 64 (helper A): a hamlet back in the plan, R3's cases and the walk's last-year months.

E's commune (tests/test_session63_e_back_start_rows.py): Khuổi Hin, Nà Mòn and Đồng Kè, every
household poor, each plan's start list the lists it is given (100 households a hamlet). Khuổi Hin
lists K1 in February, is in no plan of March and April (April's plan gives B1, B2 to Bản Cọ,
silent), and is back in May with K1, B1, B2 on its start rows, its May list K1, B1: B2, on no
list ever, left the lists in May, asked then, once (session 63, E).

1. A twin's row under B2 (another household's row left out for an error in Nà Mòn's March
   list, naming another head) is no listing of B2: June says B2 gone since May, as without it.
2. A start row an earlier month's column held (May's, its ``month_started``) is not held again
   when its hamlet is back once more; one no month's column held is, and leaves then.
3. The history walk's ``unheard`` is of the year's months: last year's lists take a start row
   off the lists as they take any household off.
"""

from __future__ import annotations

import pandas as pd

from pipeline import timeline
from tests.commune import person
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import table
from tests.test_session57_b_turn_kept import issues_of
from tests.test_session63_e_back_start_rows import B1, B2, BACK, C1, FEB, K1, MAR, N1, run_steps

K2 = person("K2", "poor")

KH_MAY = {"Khuổi Hin": [K1, B1], **MAR}
START = [
    ("2024-02", FEB, FEB),
    ("2024-03", MAR, MAR),
    ("2024-04", {**MAR, "Bản Cọ": [B1, B2]}, MAR),
    ("2024-05", BACK, KH_MAY),
]
GONE = "Không còn trong danh sách (đề nghị xác nhận)"
TWIN = dict(person("B2", "poor", nhan_khau=0), chu_ho="Lò Thị Trùng B2", nam_sinh=1981,
            so_dinh_danh="012345679876")  # fmt: skip


def poor_of(summary: dict, key: str) -> dict:
    """hamlet (None: the commune) -> its ``key`` table's poor columns."""
    found = {h["hamlet"]: table(h[key])[0] for h in summary["hamlets"] if h.get(key)}
    return {**found, None: table(summary["totals"][key])[0]}


def asked(out, period: str) -> list[str]:
    """The households the 'vanished-household' warnings of ``period`` ask about."""
    return [row[2] for row in issues_of(out, period) if row[3] == "vanished-household"]


# 1. A twin's row is no listing of a back hamlet's start row


def test_the_month_after_says_a_start_row_with_a_twin_gone_since_its_hamlet_was_back(tmp_path):
    """Nà Mòn's March list writes another household's row under B2 (Lò Thị Trùng B2, another
    ID number, 0 members: left out for an error). Worked by hand, as without that row: B2, on
    no list of the year, left in May (Khuổi Hin's first list after its gap), asked then; June,
    the same lists as May: the year's table Khuổi Hin 3, gone 1, 2; its row "từ tháng 5/2024",
    not asked again; the month's table (against May's list K1, B1) 2 to 2, the commune 4 to 4.
    Before: the twin's row counted as B2 on a list of the year, so the walk took B2 off at
    February's list ("từ tháng 2/2024"), no month asked."""
    steps = [*START, ("2024-06", BACK, KH_MAY)]
    steps[1] = ("2024-03", MAR, {"Nà Mòn": [N1, TWIN], "Đồng Kè": [C1]})
    done, out = run_steps(tmp_path, steps)
    assert asked(out, "2024-05") == ["B2 (Hoàng Văn B2)"]
    june = done["2024-06"]
    assert poor_of(june, "movements")["Khuổi Hin"] == (3, 0, 1, *[0] * 7, 2)
    assert poor_of(june, "movements_month")["Khuổi Hin"] == (2, *[0] * 9, 2)
    assert poor_of(june, "movements_month")[None] == (4, *[0] * 9, 4)
    assert listed_movements(out, "2024-06") == [
        ("Khuổi Hin", "B2", "Không còn trong danh sách từ tháng 5/2024 (không ghi 'Thoát')",
         "Từ đầu năm"),
    ]  # fmt: skip
    assert asked(out, "2024-06") == []


# 2. Back twice: held once, by the month whose column held it


def test_a_start_row_no_earlier_column_held_leaves_when_its_hamlet_is_back_again(tmp_path):
    """The guard of session 64's rule: May's plan gives Khuổi Hin K1, B1 alone (B2 in no
    hamlet), its list K1, B1; June and July drop Khuổi Hin again; August's plan is BACK (K1,
    B1, B2), Khuổi Hin's list K1, B1. May's column held B1 alone (``month_started``), so no
    month told B2 yet. Worked by hand, August: Khuổi Hin's month table against its May list
    (K1, B1) and B2, on no list ever: 3, gone 1 (B2), 2; the commune 5, gone 1, 4;
    ``month_started`` B2; B2 asked now, once; its year row "đề nghị xác nhận"."""
    may_plan = {"Khuổi Hin": [K1, B1], **MAR}
    steps = [
        *START[:3],
        ("2024-05", may_plan, KH_MAY),
        ("2024-06", MAR, MAR),
        ("2024-07", MAR, MAR),
        ("2024-08", BACK, KH_MAY),
    ]
    done, out = run_steps(tmp_path, steps)
    assert done["2024-05"]["month_started"] == {"Khuổi Hin": ["B1"]}
    august = done["2024-08"]
    assert august["month_started"] == {"Khuổi Hin": ["B2"]}
    assert poor_of(august, "movements_month")["Khuổi Hin"] == (3, 0, 1, *[0] * 7, 2)
    assert poor_of(august, "movements_month")[None] == (5, 0, 1, *[0] * 7, 4)
    assert poor_of(august, "movements")["Khuổi Hin"] == (3, 0, 1, *[0] * 7, 2)
    assert asked(out, "2024-08") == ["B2 (Hoàng Văn B2)"]
    assert ("Khuổi Hin", "B2", GONE, "Từ đầu năm") in listed_movements(out, "2024-08")


def test_a_start_row_told_gone_in_may_is_not_asked_when_its_hamlet_is_back_in_august(tmp_path):
    """R3's case (tests/test_session63_r3_back_in_plan.py) seen from August's side: May's
    column held B1, B2 and told B2 gone (asked then). August, Khuổi Hin back again with the
    same start rows and list: its month table against May's list alone, 2 to 2, no
    ``month_started`` (no start row its May list lacks is on no list told), the year's row of
    B2 "từ tháng 5/2024", no question. Before: held again, 3, gone 1, 2, asked again."""
    steps = [*START, ("2024-06", MAR, MAR), ("2024-07", MAR, MAR), ("2024-08", BACK, KH_MAY)]
    done, out = run_steps(tmp_path, steps)
    august = done["2024-08"]
    assert august["month_started"] == {}
    assert poor_of(august, "movements_month")["Khuổi Hin"] == (2, *[0] * 9, 2)
    assert asked(out, "2024-08") == []
    assert listed_movements(out, "2024-08") == [
        ("Khuổi Hin", "B2", "Không còn trong danh sách từ tháng 5/2024 (không ghi 'Thoát')",
         "Từ đầu năm"),
    ]  # fmt: skip


def test_a_start_row_the_first_plan_gave_told_gone_then_is_not_gone_again_when_back(tmp_path):
    """The plan Khuổi Hin K1, K2 all year (the kept start list has K2 there); its February list
    K1: K2 gone, counted and asked in February. March's and April's plans drop Khuổi Hin; May's
    is February's again (the same file), its list K1. Worked by hand, May: Khuổi Hin's month
    table against its February list (K1), 1 to 1; the year's 2, gone 1, 1; K2's year row "từ
    tháng 2/2024", no question. Before session 64 A2 (a strict xfail of A's): May's column held
    K2 (``month_started`` K2), 2, gone 1, 1, and asked again ("đề nghị xác nhận")."""
    plan = {"Khuổi Hin": [K1, K2], **MAR}
    lists = {"Khuổi Hin": [K1], **MAR}
    steps = [("2024-02", plan, lists), ("2024-03", MAR, MAR), ("2024-04", MAR, MAR),
             ("2024-05", plan, lists)]  # fmt: skip
    done, out = run_steps(tmp_path, steps)
    assert asked(out, "2024-02") == ["K2 (Hoàng Văn K2)"]
    may = done["2024-05"]
    assert poor_of(may, "movements_month")["Khuổi Hin"] == (1, *[0] * 9, 1)
    assert poor_of(may, "movements")["Khuổi Hin"] == (2, 0, 1, *[0] * 7, 1)
    assert asked(out, "2024-05") == []
    assert listed_movements(out, "2024-05") == [
        ("Khuổi Hin", "K2", "Không còn trong danh sách từ tháng 2/2024 (không ghi 'Thoát')",
         "Từ đầu năm"),
    ]  # fmt: skip


# 3. The walk's unheard is of the year's months


def _history(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [(period, hamlet, key, "poor") for period, hamlet, key in rows],
        columns=["period", "hamlet", "hh_key", "status"],
    )


def test_last_years_list_takes_a_start_row_off_the_lists_whatever_the_years_gap():
    """The walk alone, worked by hand. Khuổi Hin lists K1, K2 in November 2023 and K1 alone in
    December (K2 left the lists then); the 2024 start list has K1, K2 again; Khuổi Hin lists
    K1 in February, then is in no plan of March and April (``unheard``: K2 -> April, as
    baselines gives it). K2 left the lists in December 2023: it is among those that left
    (``ever``), out of the lists at December's end and back at the start list's. February's
    list, of the year before the gap, does not take it off. Before: ``unheard`` held it
    through last year's December too (no leaving at all)."""
    history = _history(
        [("2023-11", "Khuổi Hin", "id|K1"), ("2023-11", "Khuổi Hin", "id|K2"),
         ("2023-12", "Khuổi Hin", "id|K1"),
         ("2024-00", "Khuổi Hin", "id|K1"), ("2024-00", "Khuổi Hin", "id|K2"),
         ("2024-02", "Khuổi Hin", "id|K1")]
    )  # fmt: skip
    left = timeline.departures(history, out_at=["2023-12", "2024-02"], unheard={"id|K2": "2024-04"})
    assert left.ever == {"id|K2"}
    assert left.out_at == {"2023-12": {"id|K2"}, "2024-02": set()}
    assert left.left_from == {"id|K2": "Khuổi Hin"}
    assert left.left_in == {}  # listed again by the start list, not taken off in February
