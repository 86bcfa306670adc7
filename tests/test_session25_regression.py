"""Session 25's regression check on an ordinary commune (one commune, one plan year).

The before/after comparison (docs/decisions.md, "Session 25: regression check") found that for
such a commune the session's changes alter no figure, cell or line: only the history's kept
start list ('YYYY-00') and the JSON's empty 'bases_of_other_commune' are new. These tests pin
that on the small commune of tests/commune.py: April lists are the plan's start list (Nà Mòn
NM1-NM3 poor, NM4, NM5 near-poor; Bản Cọ BC1, BC2 poor, BC3 near-poor; Đồng Kè DK1 poor, DK2
near-poor); May is clean_rosters (Nà Mòn NM1 poor, NM2 → near-poor, NM3 Thoát, NM4 near-poor,
NM5 near → poor, NM6 new poor; Bản Cọ unchanged; Đồng Kè sends nothing).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from pipeline.history import HISTORY_FILE, HistoryStore
from pipeline.run import execute
from tests.commune import HAMLETS, clean_rosters, start_list, write_plan, write_roster


def _april_and_may(folder, with_start_list=True):
    folder.mkdir()
    write_plan(folder, with_start_list=with_start_list)
    names = {"Nà Mòn": "NaMon_T4", "Bản Cọ": "BanCo_T4", "Đồng Kè": "DongKe_T4"}
    for hamlet in HAMLETS:
        rows = [
            {k: v for k, v in r.items() if k not in ("hamlet", "stt")}
            for r in start_list()
            if r["hamlet"] == hamlet
        ]
        write_roster(folder, f"{names[hamlet]}.xlsx", hamlet, HAMLETS[hamlet][0], rows,
                     period="2024-04", prepared=date(2024, 5, 3))  # fmt: skip
    clean_rosters(folder)


def _na_mon(result):
    [na_mon] = [h for h in result.summary["hamlets"] if h["hamlet"] == "Nà Mòn"]
    poor, near = na_mon["movements"]["poor"], na_mon["movements"]["near_poor"]
    return (
        tuple(poor[k] for k in ("start", "to_near_poor", "exited", "from_near_poor", "new",
                                "returned", "end")),
        tuple(near[k] for k in ("start", "to_poor", "exited", "from_poor", "new", "returned",
                                "end")),
    )  # fmt: skip


def test_the_start_list_is_kept_once_with_april_and_changes_no_may_figure(tmp_path):
    """April keeps the start list as '2024-00', only what April's lists do not say: every start
    household is on them, so one per hamlet (its first on the plan's list: BC1, DK1, NM1);
    May (not the year's first month) writes them again only as they differ from what the plan
    and April's stored rows give (session 26): a row removed after April is put back. May's Nà
    Mòn year table,
    worked out by hand: poor start 3, to near-poor 1 (NM2), Thoát 1 (NM3), from near-poor 1
    (NM5), new 1 (NM6), returned 0, end 3; near-poor start 2, to poor 1 (NM5), Thoát 0, from
    poor 1 (NM2), new 0, returned 0, end 2. The JSON carries 'bases_of_other_commune': {}."""
    folder, out = tmp_path / "input", tmp_path / "output"
    _april_and_may(folder)
    execute(folder, out, "2024-04")
    store = HistoryStore(out / HISTORY_FILE)
    assert sorted(store.households(["2024-00"])["ma_ho"]) == ["BC1", "DK1", "NM1"]
    assert [p["period"] for p in store.periods()] == ["2024-04"]  # the kept list is no month
    with sqlite3.connect(out / HISTORY_FILE) as conn:
        conn.execute("DELETE FROM households WHERE period = '2024-00' AND ma_ho = 'DK1'")
    conn.close()
    may, _, _ = execute(folder, out, "2024-05")
    assert _na_mon(may) == ((3, 1, 1, 1, 1, 0, 3), (2, 1, 0, 1, 0, 0, 2))
    assert sorted(HistoryStore(out / HISTORY_FILE).households(["2024-00"])["ma_ho"]) == [
        "BC1",
        "DK1",
        "NM1",
    ]
    written = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text(encoding="utf-8"))
    assert written["bases_of_other_commune"] == {}
    assert written["hamlets"][0]["movements"] == may.summary["hamlets"][0]["movements"]


def test_without_a_start_list_in_the_plan_nothing_is_kept(tmp_path):
    """The plan has no start list: April and May store their months and no '2024-00' row; May's
    Nà Mòn table is then against April's lists (the same households), so the same figures."""
    folder, out = tmp_path / "input", tmp_path / "output"
    _april_and_may(folder, with_start_list=False)
    execute(folder, out, "2024-04")
    may, _, _ = execute(folder, out, "2024-05")
    with sqlite3.connect(out / HISTORY_FILE) as conn:
        kept = conn.execute("SELECT COUNT(*) FROM households WHERE period LIKE '%-00'").fetchone()
        months = [r[0] for r in conn.execute("SELECT DISTINCT period FROM households ORDER BY 1")]
    conn.close()
    assert kept == (0,)
    assert months == ["2024-04", "2024-05"]
    assert may.summary["bases_of_other_commune"] == {}
    assert _na_mon(may) == ((3, 1, 1, 1, 1, 0, 3), (2, 1, 0, 1, 0, 0, 2))


def test_a_commune_name_corrected_in_the_plan_is_no_merger(tmp_path):
    """April run with the plan's 'Xã' mistyped 'Trung Lươmg' (the plan then warned at its
    'Xã' cell: tests/test_session25_commune_typo.py), May with it corrected: the same three hamlets, so April is this
    commune's month, not one 'before a merger'. May's trend has April and May: April 450
    households, 6 poor (NM1-NM3, BC1, BC2, DK1), 4 near-poor; May over Nà Mòn (102) and Bản Cọ
    (200), Đồng Kè sending nothing: 302, 5 poor (NM1, NM5, NM6, BC1, BC2), 3 near-poor (NM2,
    NM4, BC3); no month left out, no other commune's base. April re-run with the corrected plan
    is not said to replace another commune's report."""
    from pipeline.output import NOTICES
    from pipeline.template import write_plan_workbook
    from tests.commune import PLAN_INFO

    typo, folder, out = tmp_path / "typo", tmp_path / "input", tmp_path / "output"
    _april_and_may(folder)
    typo.mkdir()
    for f in folder.glob("*_T4.xlsx"):
        (typo / f.name).write_bytes(f.read_bytes())
    hamlets = [
        {"hamlet": h, "start_households": n, "start_poor": p, "start_near_poor": c,
         "poor_target": pt, "near_poor_target": ct}
        for h, (n, p, c, pt, ct) in HAMLETS.items()
    ]  # fmt: skip
    write_plan_workbook(typo / "KeHoach_2024.xlsx", {**PLAN_INFO, "commune": "Trung Lươmg"},
                        hamlets, start_list())  # fmt: skip
    april, _, _ = execute(typo, out, "2024-04")
    assert april.summary["commune"] == "Trung Lươmg"
    may, _, _ = execute(folder, out, "2024-05")
    trend = may.summary["trend"]
    assert [
        (m["period"], m["households"], m["poor"], m["near_poor"]) for m in trend["commune"]
    ] == [
        ("2024-04", 450, 6, 4),
        ("2024-05", 302, 5, 3),
    ]
    assert trend.get("other_commune") is None
    assert may.summary["bases_of_other_commune"] == {}
    again, _, _ = execute(folder, out, "2024-04")
    assert again.summary["commune"] == "Trung Lương"
    assert not [n for n in NOTICES if "đã được tổng hợp cho xã" in n]
