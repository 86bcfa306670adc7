"""Session 59 (R3, review of F's 'Thoát' of a silent hamlet's household): the warning
'exited-not-listed-at-start' variant 'other-hamlet' must be true. (1) A start-list household its
own hamlet's earlier list of the year left off has had its exit counted then (a vanished
household): another hamlet's 'Thoát' row of it while its hamlet is silent is no exit "counted
in no hamlet yet" (said before the fix, wrongly). (2) The same 'Thoát' row sent again a month
later while its hamlet is still silent is still counted nowhere: said again (nothing said
before the fix, since the household's latest stored row was that very row).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list. Nà Mòn's list
writes its five households in rows 5-9, the 'Thoát' row of BC2 in row 10 (Mã hộ in B10)."""

from __future__ import annotations

from pipeline.run import execute
from tests.commune import new_commune, person
from tests.summaries import hamlet_figures
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists

BC = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
GONE = person("BC2", "exited")


def _poor(result, hamlet: str, scope: str = "movements") -> tuple[int, ...]:
    """(start, new, moved in, moved out, exited, end) of a hamlet's poor row."""
    row = hamlet_figures(result, hamlet)[scope]["poor"]
    return tuple(row[k] for k in ("start", "new", "moved_in", "moved_out", "exited", "end"))


def _said(result) -> list[tuple]:
    return [(i.hamlet, i.cell, i.value, i.variant, i.instead, i.detail) for i in result.issues
            if i.code == "exited-not-listed-at-start"]  # fmt: skip


def test_a_household_its_hamlet_left_off_earlier_is_not_said(tmp_path):
    """February: Bản Cọ sends BC1, BC3 (BC2 left off: its exit counted, Bản Cọ 2 - 1 exited =
    1). May: Bản Cọ silent, Nà Mòn writes BC2 'Thoát'. By hand, May: Nà Mòn 3 = 3, Bản Cọ
    missing; BC2's exit was counted in February, so nothing is said (said before: 'counted as
    exited in no hamlet yet', untrue)."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-02",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": [BC[0], BC[2]], "Đồng Kè": dk_rows()})  # fmt: skip
    february = execute(folder, out, "2024-02")[0]
    assert _poor(february, "Bản Cọ") == (2, 0, 0, 0, 1, 1)
    run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(GONE), "Đồng Kè": dk_rows()})
    may = execute(folder, out, "2024-05")[0]
    assert _poor(may, "Nà Mòn") == (3, 0, 0, 0, 0, 3)
    assert hamlet_figures(may, "Bản Cọ")["status"] == "missing"
    assert _said(may) == []


def test_the_same_thoat_row_a_month_later_is_said_again(tmp_path):
    """April: the three send (Bản Cọ BC1, BC2 poor). May and June: Bản Cọ silent, Nà Mòn writes
    BC2 'Thoát' both months. By hand, June: Nà Mòn's year and month 3 = 3 (BC2 is no household
    of its lists), BC2 counted nowhere: said at B10 naming April's list of Bản Cọ, as in May
    (nothing said in June before). July: Bản Cọ sends BC1, BC3: its month (April's BC1, BC2)
    2 - 1 exited = 1, nothing said."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": dk_rows()})  # fmt: skip
    told = [("Nà Mòn", "B10", "BC2", "other-hamlet", "Bản Cọ", "danh sách tháng 4/2024")]
    for period in ("2024-05", "2024-06"):
        run_lists(folder, out, period, {"Nà Mòn": na_mon_rows(GONE), "Đồng Kè": dk_rows()})
        result = execute(folder, out, period)[0]
        assert _poor(result, "Nà Mòn") == _poor(result, "Nà Mòn", "movements_month") == (
            3, 0, 0, 0, 0, 3)  # fmt: skip
        assert [(*s[:5], str(s[5])) for s in _said(result)] == told, period
    run_lists(folder, out, "2024-07",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": [BC[0], BC[2]], "Đồng Kè": dk_rows()})  # fmt: skip
    july = execute(folder, out, "2024-07")[0]
    assert _poor(july, "Bản Cọ", "movements_month") == (2, 0, 0, 0, 1, 1)
    assert _said(july) == []


def test_a_start_list_household_said_again_while_its_hamlet_sends_nothing(tmp_path):
    """Bản Cọ sends nothing this year; Nà Mòn writes BC2 'Thoát' in May and June. By hand, June:
    Nà Mòn 3 = 3; BC2 (the start list's, in Bản Cọ) counted nowhere: said at B10 naming the
    start of the year's list (nothing said in June before)."""
    folder, out = new_commune(tmp_path)
    for period in ("2024-05", "2024-06"):
        run_lists(folder, out, period, {"Nà Mòn": na_mon_rows(GONE), "Đồng Kè": dk_rows()})
    june = execute(folder, out, "2024-06")[0]
    assert _poor(june, "Nà Mòn", "movements_month") == (3, 0, 0, 0, 0, 3)
    assert [(*s[:5], str(s[5])) for s in _said(june)] == [
        ("Nà Mòn", "B10", "BC2", "other-hamlet", "Bản Cọ", "danh sách đầu năm")
    ]
