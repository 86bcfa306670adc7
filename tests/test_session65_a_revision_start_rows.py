"""Session 65 (helper A): a plan revision's start rows, told by the month whose plan gave them.

E's commune (tests/test_session63_e_back_start_rows.py): Khuổi Hin, Nà Mòn and Đồng Kè, every
household poor, each plan's start list the lists it is given (100 households a hamlet). Each
month's summary now records, of each hamlet accepted, a digest of the start rows its plan gave
the hamlet and those of them on no list of the year (``start_rows``), so a later month tells
"the same rows" from "the same file":

1. Session 64 A2's Left (1): Khuổi Hin's start row K2, told gone in February, its hamlet
   dropped in March and April and back in May under a plan revised in Nà Mòn (another file),
   is not held in May's month column nor asked again.
2. A start row a revision adds to a hamlet never dropped leaves at the first list after it
   (session 64 E's strict xfail, tests/test_session64_e_revision_start_row.py); one the first
   plan gave, told gone then, stays gone since then when a revision changes its hamlet's other
   rows; a store whose months were stored before the record reads as before.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from pipeline.types import HISTORY_FILE
from tests.commune import person
from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session59_h2_renamed_then_merged_into import run_month_lists, write_plan_2024
from tests.test_session63_e_back_start_rows import B2, C1, FEB, K1, MAR, N1, run_steps
from tests.test_session64_a_back_in_plan import K2, asked, poor_of

N2 = person("N2", "poor")
SINCE_FEB = "Không còn trong danh sách từ tháng 2/2024 (không ghi 'Thoát')"
GONE = "Không còn trong danh sách (đề nghị xác nhận)"
STILL = (1, *[0] * 9, 1)


# 1. The same start rows, another plan file


def test_a_back_hamlets_start_row_told_gone_under_a_plan_revised_elsewhere_is_not_asked_again(
    tmp_path,
):
    """The plan Khuổi Hin K1, K2 in February, its list K1: K2 gone, counted and asked then.
    March's and April's plans drop Khuổi Hin; May's gives it K1, K2 again and Nà Mòn N1, N2 (a
    revision: another file), the lists K1 and N1, N2. Worked by hand, May: Khuổi Hin's month
    table against its February list (K1) 1 to 1, its year's 2, gone 1 (K2), 1; Nà Mòn's month
    table against April's list (N1) with N2, the revision's start row no list told, in its start
    column (session 65, A2: not new, as the year's table has it): 2 to 2; the commune's year 5,
    gone 1, 4; K2's year row "từ tháng 2/2024", no question. Before (the rule needed the very
    file): May's column held K2 again (2, gone 1, 1), and asked it a second time."""
    plan = {"Khuổi Hin": [K1, K2], **MAR}
    revised = {"Khuổi Hin": [K1, K2], "Nà Mòn": [N1, N2], "Đồng Kè": [C1]}
    steps = [("2024-02", plan, {"Khuổi Hin": [K1], **MAR}), ("2024-03", MAR, MAR),
             ("2024-04", MAR, MAR),
             ("2024-05", revised, {"Khuổi Hin": [K1], "Nà Mòn": [N1, N2], "Đồng Kè": [C1]})]  # fmt: skip
    done, out = run_steps(tmp_path, steps)
    assert asked(out, "2024-02") == ["K2 (Hoàng Văn K2)"]
    may = done["2024-05"]
    assert poor_of(may, "movements_month")["Khuổi Hin"] == STILL
    assert poor_of(may, "movements")["Khuổi Hin"] == (2, 0, 1, *[0] * 7, 1)
    assert poor_of(may, "movements")[None] == (5, 0, 1, *[0] * 7, 4)
    assert "Khuổi Hin" not in may.get("month_started", {})
    assert asked(out, "2024-05") == []
    assert listed_movements(out, "2024-05") == [
        ("Khuổi Hin", "K2", SINCE_FEB, "Từ đầu năm"),
    ]
    assert poor_of(may, "movements_month")["Nà Mòn"] == (2, *[0] * 9, 2)
    assert may["month_started"] == {"Nà Mòn": ["N2"]}
    # the record that tells it: K2 on no list, February's plan giving it to Khuổi Hin
    assert done["2024-02"]["start_rows"]["Khuổi Hin"]["unlisted"] == ["K2"]


# 2. A hamlet never dropped, its start rows revised


def test_a_revision_start_row_leaves_at_the_first_list_after_it_and_is_asked_then(tmp_path):
    """February to April the plan Khuổi Hin K1 and the lists the same; May's plan (a revision)
    gives Khuổi Hin K1, B2; June and July the same plan; Khuổi Hin lists K1 alone. Worked by
    hand: May's year table Khuổi Hin 2, gone 1 (B2), 1, B2 gone now, asked in May; June's says
    it gone since May, no question; so July's (the walk reads June's record, May's plan having
    given it). The record says it: February to April Khuổi Hin's unlisted rows none, May's
    B2, and May's digest of Khuổi Hin's start rows differs from April's."""
    revised = {"Khuổi Hin": [K1, B2], "Nà Mòn": [N1], "Đồng Kè": [C1]}
    steps = [(p, FEB, FEB) for p in ("2024-02", "2024-03", "2024-04")]
    steps += [(p, revised, FEB) for p in ("2024-05", "2024-06", "2024-07")]
    done, out = run_steps(tmp_path, steps)
    assert asked(out, "2024-05") == ["B2 (Hoàng Văn B2)"]
    since_may = "Không còn trong danh sách từ tháng 5/2024 (không ghi 'Thoát')"
    for period in ("2024-06", "2024-07"):
        assert poor_of(done[period], "movements")["Khuổi Hin"] == (2, 0, 1, *[0] * 7, 1)
        assert asked(out, period) == [], period
        assert listed_movements(out, period) == [
            ("Khuổi Hin", "B2", since_may, "Từ đầu năm"),
        ], period
    record = {p: done[p]["start_rows"]["Khuổi Hin"] for p in ("2024-04", "2024-05")}
    assert record["2024-04"]["unlisted"] == [] and record["2024-05"]["unlisted"] == ["B2"]
    assert record["2024-04"]["digest"] != record["2024-05"]["digest"]
    assert done["2024-06"]["start_rows"]["Khuổi Hin"] == record["2024-05"]


def test_a_start_row_told_gone_then_stays_gone_since_then_when_a_revision_adds_another(tmp_path):
    """The plan Khuổi Hin K1, B2 from February (B2 gone, asked in February); May's
    revision adds K2 to Khuổi Hin, listed from May. Worked by hand, May: Khuổi Hin's year 3,
    gone 1 (B2), 2; B2 "từ tháng 2/2024", no question; K2 on its start rows and May's list (no
    year movement), in the month table's start column (session 65, A2: as the year's table, not
    new): 2 to 2. The record of February has B2 unlisted: the walk has it leave at February's
    list. Before: the same for B2, but K2 was 'Tái nghèo' in the month table (the walk took it
    off at February's list, which no plan then gave it, so May's list brought it back)."""
    first = {"Khuổi Hin": [K1, B2], **MAR}
    revised = {"Khuổi Hin": [K1, B2, K2], **MAR}
    steps = [(p, first, FEB) for p in ("2024-02", "2024-03", "2024-04")]
    steps += [("2024-05", revised, {"Khuổi Hin": [K1, K2], **MAR})]
    done, out = run_steps(tmp_path, steps)
    assert asked(out, "2024-02") == ["B2 (Hoàng Văn B2)"]
    assert poor_of(done["2024-05"], "movements")["Khuổi Hin"] == (3, 0, 1, *[0] * 7, 2)
    assert asked(out, "2024-05") == []
    assert listed_movements(out, "2024-05") == [
        ("Khuổi Hin", "B2", SINCE_FEB, "Từ đầu năm"),
    ]
    assert poor_of(done["2024-05"], "movements_month")["Khuổi Hin"] == (2, *[0] * 9, 2)


def test_months_stored_before_the_record_read_a_revision_start_row_as_before(tmp_path):
    """February to April stored as a version before this session stores them (no
    ``start_rows`` in their summaries: taken out of the store), May's plan the revision of
    the second test. The store says nothing of which rows those months' plans gave: the walk
    reads as before, B2 gone since February, not asked (the store's history untouched: its
    months' figures as they were)."""
    revised = {"Khuổi Hin": [K1, B2], "Nà Mòn": [N1], "Đồng Kè": [C1]}
    steps = [(p, FEB, FEB) for p in ("2024-02", "2024-03", "2024-04")]
    done, out = run_steps(tmp_path, steps)
    store = next(out.rglob(HISTORY_FILE))
    with sqlite3.connect(store) as conn:
        for period, summary in conn.execute("SELECT period, summary FROM snapshots").fetchall():
            data = json.loads(summary)
            data.pop("start_rows", None)
            conn.execute("UPDATE snapshots SET summary = ? WHERE period = ?",
                         (json.dumps(data, ensure_ascii=False), period))  # fmt: skip
    conn.close()
    folder = tmp_path / "vao"
    write_plan_2024(folder, revised)
    done["2024-05"] = run_month_lists(folder, out, "2024-05", FEB, date(2024, 6, 3))
    assert poor_of(done["2024-05"], "movements")["Khuổi Hin"] == (2, 0, 1, *[0] * 7, 1)
    assert asked(out, "2024-05") == []
    assert listed_movements(out, "2024-05") == [
        ("Khuổi Hin", "B2", SINCE_FEB, "Từ đầu năm"),
    ]
