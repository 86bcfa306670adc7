"""Session 35 (A): a household moved under a new Mã hộ into a hamlet the plan then merges into
another, which sends nothing (docs/decisions.md, "Session 35: a silent hamlet merged since its
latest list"). The small commune (tests.commune): April every hamlet lists its start households
(Đồng Kè DK1 poor, DK2 near-poor); May Nà Mòn writes NM3 under 'Hộ chuyển đi xóm Bản Cọ', Bản
Cọ writes it as BC9 (Hoàng Văn NM3, 1970, poor), Đồng Kè lists DK1, DK2 again. Then a revised
plan merges Bản Cọ into another hamlet, and that hamlet sends nothing in June, July, August
(Nà Mòn sends NM1, NM2 poor, NM4, NM5 near-poor, no title)."""

from __future__ import annotations

from datetime import date

from pipeline.run import execute
from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list, write_plan, write_roster
from tests.summaries import hamlet_figures
from tests.test_session31_heads_qa import month_lists, moves
from tests.test_session32_recoded_after import about, lists, year_moves
from tests.test_session32_recoded_move import recoded
from tests.test_session34_a_silent_moves import DONG_KE, send, stored


def dong_ke(folder, period: str) -> None:
    write_roster(folder, f"DongKe_{period}.xlsx", "Đồng Kè", 150, list(DONG_KE), period=period,
                 prepared=date(2024, int(period[5:]) + 1, 3))  # fmt: skip


def april_may(tmp_path):
    folder, out = tmp_path / "vao", tmp_path / "ra"
    folder.mkdir(parents=True)
    write_plan(folder)
    month_lists(folder, "2024-04", *lists([person("NM3", "poor")]))
    dong_ke(folder, "2024-04")
    execute(folder, out, "2024-04")
    na, ban = lists(extra_ban=[recoded("NM3", "BC9", "poor")])
    month_lists(folder, "2024-05", na, ban, [person("NM3", "poor")])
    dong_ke(folder, "2024-05")
    execute(folder, out, "2024-05")
    return folder, out


def merged_plan(folder, merged: tuple[str, ...], into: str) -> None:
    """The plan again, the hamlets ``merged`` one hamlet ``into`` (its targets row their sums,
    in the place of the first; their start households under its name)."""
    rows = [h for h in plan_hamlets() if h["hamlet"] in merged]
    one = {k: sum(h[k] for h in rows) for k in rows[0] if k != "hamlet"} | {"hamlet": into}
    hamlets = [one if h["hamlet"] == merged[0] else h for h in plan_hamlets()
               if h["hamlet"] not in merged[1:]]  # fmt: skip
    start = [dict(r, hamlet=into) if r["hamlet"] in merged else r for r in start_list()]
    write_plan_workbook(folder / "KeHoach_2024.xlsx", PLAN_INFO, hamlets, start)


def _moved_out_each_month(folder, out, silent: str) -> None:
    for period in ("2024-06", "2024-07", "2024-08"):
        result = send(folder, out, period)
        assert moves(hamlet_figures(result, "Nà Mòn")) == {
            "poor": {"start": 3, "moved_out": 1, "end": 2},
            "near_poor": {"start": 2, "end": 2},
        }
        assert hamlet_figures(result, silent)["status"] == "missing"
        assert moves(result.summary["totals"])["poor"] == {"start": 3, "moved_out": 1, "end": 2}
        assert year_moves(result) == [("Nà Mòn", "NM3", "moved_out", silent)]
        assert about(result, "NM3", "BC9") == []
        assert stored(out, period, ("NM3", "BC9")) == [("Nà Mòn", "NM3", "moved_poor")]


def test_a_silent_hamlet_merged_since_its_list_keeps_the_household_moved(tmp_path):
    """Bản Cọ merged into Đồng Kè (350 households, 3 poor, 2 near-poor; BC1-3 on the start list
    under 'Đồng Kè'), Đồng Kè silent. Before, Đồng Kè's lists were looked for under its name
    alone (BC9 is stored under 'Bản Cọ'): each month Nà Mòn poor 3 − 1 exited = 2, NM3
    vanished (a vanished-household in June), no trace stored (so July and August said exited
    too). Now as when Đồng Kè sends BC1-3, BC9, DK1, DK2: Nà Mòn poor 3 − 1 moved out = 2 (to
    Đồng Kè), near-poor 2 = 2, nothing said, NM3 stored moved_poor each month."""
    folder, out = april_may(tmp_path)
    merged_plan(folder, ("Đồng Kè", "Bản Cọ"), "Đồng Kè")
    _moved_out_each_month(folder, out, "Đồng Kè")


def test_a_silent_hamlet_renamed_and_merged_since_keeps_the_household_moved(tmp_path):
    """Bản Cọ and Đồng Kè merged into one hamlet under a new name, 'Bản Cọ Mới' (its start list
    BC1-3, DK1, DK2), which sends nothing. Before, two old names going to one new one were no
    rename (session 34's lookup took one old name to one new): as above, NM3 exited, a
    vanished-household in June, no trace. Now NM3 moved out to Bản Cọ Mới each month."""
    folder, out = april_may(tmp_path)
    merged_plan(folder, ("Bản Cọ", "Đồng Kè"), "Bản Cọ Mới")
    _moved_out_each_month(folder, out, "Bản Cọ Mới")
