"""Session 64 (helper E, from the brief's reading of the **Left** of "Session 63: left off a first
list held apart, counted elsewhere while its hamlet sent no list accepted this year: moved in
(seed 2591)" (H2)): a hamlet held apart in two months running moves its household out in each
month's table, both held apart (outside the commune's totals); the move counts once in the
totals, the move in when the household is counted elsewhere, the move out when the hamlet's
first accepted list is set beside its start list (session 59 A). And H2's own Left: the hamlet
held apart in a month that is not its first stored one, silent before and after.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4, NM5 near-poor; Bản Cọ BC1, BC2 poor,
BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor. A month Bản Cọ is held apart: its list BC1 and a
list naming no hamlet BC2 (session 51); BC3 on neither."""

from __future__ import annotations

import json
from datetime import date

from pipeline.run import execute
from tests.commune import new_commune, person, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows


def _near(figures: dict, scope: str) -> dict | None:
    """A table's near-poor columns that are not 0 (None: no such table)."""
    return (
        {k: v for k, v in figures[scope]["near_poor"].items() if v} if figures.get(scope) else None
    )


def _months(tmp_path, bc: str, bc3_from: int) -> list[tuple[dict, list]]:
    """From April, a month per letter of ``bc``: Bản Cọ held apart ('A'), silent ('S') or its
    list BC1, BC2 accepted ('O'); Nà Mòn writes BC3 from the month ``bc3_from`` (0: April).
    Each month: (the JSON summary's hamlets by name, "" its totals; BC3's movement rows)."""
    folder, out = new_commune(tmp_path)
    seen = []
    for i, kind in enumerate(bc):
        period, prepared = f"2024-{4 + i:02d}", date(2024, 5 + i, 3)
        for old in [*folder.glob("DS_*.xlsx"), *folder.glob("DanhSach_*.xlsx")]:
            old.unlink()
        more = [person("BC3", "near_poor")] if i >= bc3_from else []
        write_roster(
            folder, f"DS_NM_{period}.xlsx", "Nà Mòn", 100, na_mon_rows(*more), period, prepared
        )
        write_roster(folder, f"DS_DK_{period}.xlsx", "Đồng Kè", 150, dk_rows(), period, prepared)
        if kind in "AO":
            rows = bc_rows()[:1] if kind == "A" else bc_rows()[:2]
            write_roster(folder, f"DS_BC_{period}.xlsx", "Bản Cọ", 200, rows, period, prepared)
        if kind == "A":
            write_roster(
                folder, f"DanhSach_{period}.xlsx", None, 200, [bc_rows()[1]], period, prepared
            )
        result, _, _ = execute(folder, out, period)
        summary = json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))
        d = result.movement_details
        bc3 = sorted(
            (scope, hamlet, move, other if isinstance(other, str) else "")
            for scope, hamlet, code, move, other in zip(
                d["scope"], d["hamlet"], d["ma_ho"], d["movement"], d["other_hamlet"], strict=True
            )
            if code == "BC3"
        )
        seen.append(({h["hamlet"]: h for h in summary["hamlets"]} | {"": summary["totals"]}, bc3))
    return seen


def test_held_apart_two_months_moves_out_in_each_held_table_once_in_the_totals(tmp_path):
    """Worked by hand. April-June Bản Cọ held apart, July its list accepted; Nà Mòn writes BC3
    from May. May: Bản Cọ's table (held apart, beside its start list) near-poor 1, moved out 1
    (to Nà Mòn), 0; Nà Mòn's 2, moved in 1, 3; the commune (Bản Cọ left out) 3, moved in 1, 4.
    June: Bản Cọ's held table again 1, moved out 1, 0 (the same baseline), out of the totals:
    the commune 4 to 4. July: Bản Cọ in the totals, its month table beside its start list 1,
    moved out 1, 0; Nà Mòn 3 to 3; the commune 5 (Bản Cọ's start joins), moved out 1, 4. In the
    commune's month rows: moved in 1 (May), moved out 1 (July), once each; the year's row in July
    4, moved out 1, moved in 1, 4. Passes before this session: the figures are right."""
    may, june, july = (m for m, _ in _months(tmp_path, "AAAO", 1)[1:])
    for month in (may, june):
        assert month["Bản Cọ"]["status"] == "rejected"
        assert month["Bản Cọ"]["incomplete"]["reason"] == "merged-list-apart"
        assert _near(month["Bản Cọ"], "movements_month") == {"start": 1, "moved_out": 1}
    assert _near(may["Nà Mòn"], "movements_month") == {"start": 2, "moved_in": 1, "end": 3}
    assert _near(may[""], "movements_month") == {"start": 3, "moved_in": 1, "end": 4}
    assert _near(june["Nà Mòn"], "movements_month") == {"start": 3, "end": 3}
    assert _near(june[""], "movements_month") == {"start": 4, "end": 4}
    assert july["Bản Cọ"]["status"] == "ok"
    assert _near(july["Bản Cọ"], "movements_month") == {"start": 1, "moved_out": 1}
    assert _near(july[""], "movements_month") == {"start": 5, "moved_out": 1, "end": 4}
    assert _near(july[""], "movements") == {"start": 4, "moved_out": 1, "moved_in": 1, "end": 4}


def test_held_apart_in_a_later_month_only_then_counted_elsewhere_is_moved_in(tmp_path):
    """H2's Left, worked by hand: Bản Cọ silent in April, held apart in May (BC3 off), silent
    in June, its list accepted in July; Nà Mòn writes BC3 from June. May: Bản Cọ's held table
    1, gone 1 ('vanished', out of the totals). June: Nà Mòn 2, moved in 1 ('Chuyển đến từ Bản
    Cọ': Bản Cọ's baseline is still its start list), 3, the commune alike. July: Bản Cọ's month
    table 1, moved out 1, 0; the commune 5, moved out 1, 4. Passes before this session."""
    seen = _months(tmp_path, "SASO", 2)
    (may, may_bc3), (june, june_bc3), (july, _) = seen[1:]
    assert may["Bản Cọ"]["status"] == "rejected"
    assert may_bc3 == [("month", "Bản Cọ", "vanished", ""), ("year", "Bản Cọ", "vanished", "")]
    assert _near(may[""], "movements_month") == {"start": 3, "end": 3}
    assert june["Bản Cọ"]["status"] == "missing"
    assert june_bc3 == [
        ("month", "Nà Mòn", "moved_in", "Bản Cọ"),
        ("year", "Nà Mòn", "moved_in", "Bản Cọ"),
    ]
    assert _near(june[""], "movements_month") == {"start": 3, "moved_in": 1, "end": 4}
    assert _near(july["Bản Cọ"], "movements_month") == {"start": 1, "moved_out": 1}
    assert _near(july[""], "movements_month") == {"start": 5, "moved_out": 1, "end": 4}
