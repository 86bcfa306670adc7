"""Session 64 (helper E, from the **Left** of "Session 63: a hamlet back in the plan: …" (E)): a
start row a plan revision adds to a hamlet never dropped from the plan, on no list of the year.

E's commune (tests/test_session63_e_back_start_rows.py): Khuổi Hin, Nà Mòn and Đồng Kè, every
household poor, each plan's start list the lists it is given (100 households a hamlet). February
to April the plan's start list is K1, N1, C1 and the lists the same; May's plan (a revision)
writes B2 on Khuổi Hin's start rows too; Khuổi Hin keeps listing K1 alone.

Found in session 64 (docs/decisions.md, "Session 64: the history walk's Left of session 63
(E)"): the walk took B2 off the lists at Khuổi Hin's February list, which no plan then gave it,
so the year's row said it gone "since February" and its head was never asked; pinned as a
strict xfail. Fixed in session 65 (helper A, "Session 65: a plan revision's start rows …"):
each month's summary records the start rows its plan gave each hamlet accepted
(``start_rows``), so the walk tells the month a revision added a row.
"""

from __future__ import annotations

from tests.test_session55_b_turn_pairing import listed_movements
from tests.test_session56_b_turn_moved import table
from tests.test_session57_b_turn_kept import issues_of
from tests.test_session63_e_back_start_rows import ASKED, B2, C1, FEB, K1, N1, run_steps


def _poor(summary: dict, key: str) -> dict:
    """hamlet (None: the commune) -> its ``key`` table's poor columns."""
    found = {h["hamlet"]: table(h[key])[0] for h in summary["hamlets"] if h.get(key)}
    return {**found, None: table(summary["totals"][key])[0]}


def _asked(out, period: str) -> list[tuple]:
    return [row for row in issues_of(out, period) if row[3] == "vanished-household"]


REVISED = {"Khuổi Hin": [K1, B2], "Nà Mòn": [N1], "Đồng Kè": [C1]}


def test_a_start_row_a_revision_adds_to_a_hamlet_never_dropped_is_asked_once(tmp_path):
    """Worked by hand. May's run is the first to read the revised plan. The year's table
    (May's start list: K1, B2 in Khuổi Hin) Khuổi Hin poor 2, gone 1 (B2), 1; the commune 4,
    gone 1, 3. B2 was on no list ever and no plan before May's gave it a hamlet: May's
    list of Khuổi Hin is the first to say it is not there, so its year's row says it gone now
    ("Không còn trong danh sách (đề nghị xác nhận)") and its head is asked, once, in May; June
    says "từ tháng 5/2024" and asks nothing. Before session 65: both months "từ tháng 2/2024
    (không ghi 'Thoát')", no question ever. May's month table holds B2 in Khuổi Hin's start
    column and tells it gone too, compared with the start list (session 65, A2: before, no
    month table had B2)."""
    steps = [(p, FEB, FEB) for p in ("2024-02", "2024-03", "2024-04")]
    steps += [("2024-05", REVISED, FEB), ("2024-06", REVISED, FEB)]
    done, out = run_steps(tmp_path, steps)
    assert _poor(done["2024-05"], "movements")["Khuổi Hin"] == (2, 0, 1, *[0] * 7, 1)
    assert _poor(done["2024-05"], "movements")[None] == (4, 0, 1, *[0] * 7, 3)
    assert listed_movements(out, "2024-05") == [
        ("Khuổi Hin", "B2", "Không còn trong danh sách (đề nghị xác nhận)", "Từ đầu năm"),
        ("Khuổi Hin", "B2", "Không còn trong danh sách (đề nghị xác nhận)",
         "So với danh sách đầu năm"),
    ]  # fmt: skip
    assert _poor(done["2024-05"], "movements_month")["Khuổi Hin"] == (2, 0, 1, *[0] * 7, 1)
    assert _asked(out, "2024-05") == [("Khuổi Hin", None, "B2 (Hoàng Văn B2)",
                                       "vanished-household", ASKED)]  # fmt: skip
    assert listed_movements(out, "2024-06") == [
        ("Khuổi Hin", "B2", "Không còn trong danh sách từ tháng 5/2024 (không ghi 'Thoát')",
         "Từ đầu năm"),
    ]  # fmt: skip
    assert _asked(out, "2024-06") == []
