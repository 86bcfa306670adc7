"""Session 32, third review (docs/decisions.md, "third review: two namesakes moved out do not
both pair with one new row"): two start households whose heads share a name and birth year,
both left moved out, and one new row under that name in the hamlet named."""

from __future__ import annotations

from pipeline.run import execute
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_plan_workbook
from tests.summaries import hamlet_figures
from tests.test_session31_heads_qa import month_lists, moves
from tests.test_session32_recoded_after import about, year_moves
from tests.test_session32_recoded_move import recoded


def _lists(extra_ban: list = ()):
    na = [person("NM1", "poor"), person("NM4", "near_poor"), person("NM5", "near_poor")]
    ban = [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor"), *extra_ban]
    return na, ban


def test_two_namesakes_moved_out_do_not_both_pair_with_one_new_row(tmp_path):
    """The start list's NM2 (poor) has the head 'Hoàng Văn NM3', 1970, as NM3 (poor) has.
    April: all listed; May: NM2 and NM3 under 'Hộ chuyển đi xóm Bản Cọ', Bản Cọ listing
    neither (moved-not-listed twice; both traces kept). June: Bản Cọ writes BC9 (Hoàng Văn NM3,
    1970, poor). Before: both traces paired with BC9: Nà Mòn poor 3 − 2 moved out = 1, Bản Cọ
    2 + 1 moved in = 3, the commune 5 − 2 moved out + 1 moved in = 4 (one row, two arrivals'
    worth of departures). Now neither pairs (which one moved is not known): Nà Mòn 3 − 2 exited
    = 1 with a vanished-household for each, Bản Cọ 2 + 1 new = 3, the commune 5 − 2 exited + 1
    new = 4."""
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir()
    rows = start_list()
    for row in rows:
        if row["ma_ho"] == "NM2":
            row["chu_ho"] = "Hoàng Văn NM3"
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, plan_hamlets(), rows)
    gone = [person("NM2", "poor", chu_ho="Hoàng Văn NM3"), person("NM3", "poor")]
    na, ban = _lists()
    month_lists(folder, "2024-04", na + gone, ban)
    execute(folder, out, "2024-04")
    month_lists(folder, "2024-05", na, ban, gone)
    may, _, _ = execute(folder, out, "2024-05")
    assert [i.code for i in may.issues if "NM" in i.value] == ["moved-not-listed"] * 2
    na, ban = _lists([recoded("NM3", "BC9", "poor")])
    month_lists(folder, "2024-06", na, ban)
    june, _, _ = execute(folder, out, "2024-06")
    assert moves(hamlet_figures(june, "Nà Mòn"))["poor"] == {"start": 3, "exited": 2, "end": 1}
    assert moves(hamlet_figures(june, "Bản Cọ"))["poor"] == {"start": 2, "new": 1, "end": 3}
    assert moves(june.summary["totals"])["poor"] == {"start": 5, "exited": 2, "new": 1, "end": 4}
    assert year_moves(june) == [
        ("Bản Cọ", "BC9", "new", None),
        ("Nà Mòn", "NM2", "vanished", None),
        ("Nà Mòn", "NM3", "vanished", None),
    ]
    assert about(june, "NM2 (", "NM3 (") == [
        ("vanished-household", "Nà Mòn", "NM2 (Hoàng Văn NM3)"),
        ("vanished-household", "Nà Mòn", "NM3 (Hoàng Văn NM3)"),
    ]
