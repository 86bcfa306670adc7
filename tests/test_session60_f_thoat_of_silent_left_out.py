"""Session 60 (helper F), R3's Left (b) of session 59: another hamlet's 'Thoát' row of a
household of a silent hamlet, whose latest list before is not counted for that household. (1)
The silent hamlet's earlier list refused whole: nothing of it is stored (a refused list's rows
are no month's), so the household is looked for on its hamlet's last counted list (the walk,
pinned: said before too). (2) Its row on the silent hamlet's earlier list left out for an error
(stored 'not_counted'): its exit counted nowhere, yet nothing was said; now said, naming that
list, and said again the month after.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list. Nà Mòn's list
writes its five households in rows 5-9, the 'Thoát' row of BC2 in row 10 (Mã hộ in B10)."""

from __future__ import annotations

from pipeline.run import execute
from tests.commune import new_commune, person
from tests.summaries import hamlet_figures
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists
from tests.test_session59_f_thoat_of_silent import said

BC = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]
GONE = person("BC2", "exited")


def _poor(result, hamlet: str, scope: str = "movements") -> tuple[int, ...]:
    """(start, not counted, exited, end) of a hamlet's poor row."""
    row = hamlet_figures(result, hamlet)[scope]["poor"]
    return tuple(row[k] for k in ("start", "not_counted", "exited", "end"))


def _said(result) -> list[tuple]:
    return [(i.hamlet, i.cell, i.value, i.variant, i.message()) for i in result.issues
            if i.code == "exited-not-listed-at-start"]  # fmt: skip


def test_a_list_refused_whole_is_passed_over_for_the_last_counted_one(tmp_path):
    """February: the three send. April: Bản Cọ's list refused whole (its household total 1),
    nothing of it stored. May: Bản Cọ silent, Nà Mòn writes BC2 'Thoát'. By hand, May: Nà Mòn
    3 = 3; said at B10 naming February's list, the last that counted BC2 in Bản Cọ."""
    folder, out = new_commune(tmp_path)
    lists = {"Nà Mòn": na_mon_rows(), "Bản Cọ": BC, "Đồng Kè": dk_rows()}
    run_lists(folder, out, "2024-02", lists)
    run_lists(folder, out, "2024-04", lists, refused=("Bản Cọ",))
    run_lists(folder, out, "2024-05", {"Nà Mòn": na_mon_rows(GONE), "Đồng Kè": dk_rows()})
    may = execute(folder, out, "2024-05")[0]
    assert _poor(may, "Nà Mòn") == (3, 0, 0, 3)
    assert _said(may) == [
        ("Nà Mòn", "B10", "BC2", "other-hamlet", said("BC2", "danh sách tháng 2/2024"))
    ]


def test_a_row_left_out_for_an_error_on_the_silent_hamlets_list_is_said(tmp_path):
    """April: Bản Cọ's row of BC2 (row 6) leaves 'Số nhân khẩu' blank: left out (Bản Cọ 2 - 1
    not counted = 1), stored 'not_counted'. May and June: Bản Cọ silent, Nà Mòn writes BC2
    'Thoát'. By hand, both months: Nà Mòn 3 = 3, BC2's exit counted nowhere: said at B10
    naming April's list (failed before: nothing said). July: Bản Cọ sends BC1, BC3: its year
    2 - 1 exited = 1, nothing said."""
    folder, out = new_commune(tmp_path)
    bad = person("BC2", "poor", nhan_khau="")
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": [BC[0], bad, BC[2]], "Đồng Kè": dk_rows()})  # fmt: skip
    april = execute(folder, out, "2024-04")[0]
    assert _poor(april, "Bản Cọ") == (2, 1, 0, 1)
    for period in ("2024-05", "2024-06"):
        run_lists(folder, out, period, {"Nà Mòn": na_mon_rows(GONE), "Đồng Kè": dk_rows()})
        result = execute(folder, out, period)[0]
        assert _poor(result, "Nà Mòn") == (3, 0, 0, 3), period
        assert _said(result) == [
            ("Nà Mòn", "B10", "BC2", "other-hamlet", said("BC2", "danh sách tháng 4/2024"))
        ], period
    run_lists(folder, out, "2024-07",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": [BC[0], BC[2]], "Đồng Kè": dk_rows()})  # fmt: skip
    july = execute(folder, out, "2024-07")[0]
    assert _poor(july, "Bản Cọ") == (2, 0, 1, 1)
    assert _said(july) == []
