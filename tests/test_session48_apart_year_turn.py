"""A merged hamlet's old head sends his list apart in January, its codes mostly of households
new last year and off the new year's start list (session 48): the list apart is told by the
codes last year's stored months keep under the old hamlet (consolidate.StoredCodes), as it is
by this year's months later in the year (session 47).

The merger at the turn of the year (tests.test_session47_merger_year_turn): December 2024 has
Bản Cọ list BC1, BC2, BC4 poor, BC3 'Thoát', and BC5 poor, BC6 near-poor new in December; the
2025 plan merges Bản Cọ into Nà Mòn, its start list writing BC1, BC2, BC4 under Nà Mòn (not
BC5, BC6)."""

from __future__ import annotations

from datetime import date

from pipeline.template import write_plan_workbook
from tests.commune import PLAN_INFO, person, plan_hamlets, start_list
from tests.test_session38_oracle import na_mon_rows as _na_mon_2024
from tests.test_session38_oracle import run_lists
from tests.test_session47_apart_new_codes import held_apart, merged_after_april
from tests.test_session47_merger_year_turn import (
    bc4_rows,
    dk,
    merged_at_the_turn,
    nm6_rows,
    run_with_lists,
)
from tests.test_session47_mergers import movement_row

NEW_IN_DECEMBER = (person("BC5", "poor"), person("BC6", "near_poor"))


def by_code(*codes: str) -> list[dict]:
    rows = {row["ma_ho"]: row for row in [*bc4_rows(), *NEW_IN_DECEMBER]}
    return [rows[code] for code in codes]


def _hamlets(summary: dict) -> dict:
    return {h["hamlet"]: h for h in summary["hamlets"]}


def test_a_january_list_apart_of_codes_new_last_year_is_held(tmp_path):
    """January and February 2025: Nà Mòn lists its six, BC2 and BC4; Bản Cọ's old head sends
    BC1, BC5 and BC6 under 'Bản Cọ' (1 of the 3 on the 2025 start list; no month of 2025
    stored in January). Before, a plain unknown hamlet: Nà Mòn counted, January BC1 and BC5
    exited (poor 8 - 2 = 6), BC6 exited (near-poor 3 - 1 = 2), the commune 9 - 2 = 7 and
    4 - 1 = 3; in March BC1, BC5 and BC6 new and back in poverty (tái nghèo). Now the list
    apart, both months: Nà Mòn left out ('merged-list-apart'), the commune Đồng Kè alone, 1
    and 1. January's table of Nà Mòn from December's lists (NM1-NM3, NM5, BC1, BC2, BC4, BC5
    poor; NM4, NM6, BC6 near-poor): poor 8, BC1 and BC5 not counted, 6; near-poor 3, BC6 not
    counted, 2. February's from the start list (no month of 2025 accepted it: NM1-NM3, NM5,
    BC1, BC2, BC4 poor; NM4, NM6 near-poor): poor 7, BC1 not counted, 6; near-poor 2, 2 (BC5,
    BC6 held, on no list of its start). March: Nà Mòn lists all, set beside the start list:
    poor 7 + BC5 = 8, near-poor 2 + BC6 = 3, each new and back in poverty as the year's table
    has them (on December's list, off the start list: as in January had Nà Mòn listed them);
    BC1 neither new nor back; the commune 8 + 1 = 9 and 3 + 1 = 4."""
    folder, out = merged_at_the_turn(tmp_path, NEW_IN_DECEMBER)
    lists = {"Nà Mòn": [*nm6_rows(), *by_code("BC2", "BC4")],
             "Bản Cọ": by_code("BC1", "BC5", "BC6"), "Đồng Kè": dk()}  # fmt: skip
    # month, prepared, Nà Mòn's poor and near-poor (start, ..., end) and not counted
    for period, prepared, poor, near_poor in (
        ("2025-01", date(2025, 2, 3), ((8, 0, 0, 0, 0, 6), 2), ((3, 0, 0, 0, 0, 2), 1)),
        ("2025-02", date(2025, 3, 3), ((7, 0, 0, 0, 0, 6), 1), ((2, 0, 0, 0, 0, 2), 0)),
    ):
        run_with_lists(folder, out, period, lists, prepared)
        # BC1 of the start list, BC5 and BC6 new last year; the refusal names both lists the
        # codes are on: BC1 the start list's, BC5, BC6 December's (November's list of Bản Cọ
        # is named too: it held BC1)
        held_apart(out, period, poor, near_poor, "11/2024–12/2024")
    march = run_with_lists(folder, out, "2025-03", {"Nà Mòn": [*nm6_rows(), *by_code(
                   "BC1", "BC2", "BC4", "BC5", "BC6")], "Đồng Kè": dk()}, date(2025, 4, 3))  # fmt: skip
    na_mon = _hamlets(march)["Nà Mòn"]
    assert (na_mon["status"], na_mon["movements_month_from"]) == ("ok", "plan")
    for table in ("movements_month", "movements"):
        moves = na_mon[table]
        assert (movement_row(moves, "poor"), moves["poor"]["returned"]) == ((7, 1, 0, 0, 0, 8), 1)
        assert (movement_row(moves, "near_poor"), moves["near_poor"]["returned"]) == (
            (2, 1, 0, 0, 0, 3), 1)  # fmt: skip
    commune = march["totals"]["movements_month"]
    assert (movement_row(commune, "poor"), movement_row(commune, "near_poor")) == (
        (8, 1, 0, 0, 0, 9), (3, 1, 0, 0, 0, 4))  # fmt: skip


def test_a_january_list_apart_of_a_hamlet_merged_last_year_is_held(tmp_path):
    """Bản Cọ merged into Nà Mòn in May 2024 (the 2024 plan revised), after March and April
    with Bản Cọ listing BC1, BC2, BC4 poor and BC3, BC5 near-poor (BC4, BC5 new in March);
    May and December: Nà Mòn lists its own and Bản Cọ's. The 2025 plan: no Bản Cọ, its start
    list BC1-BC3 under Nà Mòn (BC4, BC5 off it). January 2025: Nà Mòn lists its own, BC2 and
    BC3; Bản Cọ's old head sends BC1, BC4 and BC5 (1 of 3 on the start list). Before, a plain
    unknown hamlet: Nà Mòn counted, BC1, BC4 and BC5 exited. Now the list apart: Nà Mòn left
    out, its table from December (NM1-NM3, BC1, BC2, BC4 poor; NM4, NM5, BC3, BC5 near-poor):
    poor 6, BC1 and BC4 not counted, 4; near-poor 4, BC5 not counted, 3; the commune Đồng Kè
    alone. The refusal names Bản Cọ's lists, March and April 2024."""
    folder, out, bc = merged_after_april(tmp_path)
    merged = {"Nà Mòn": _na_mon_2024(*bc), "Đồng Kè": dk()}
    run_lists(folder, out, "2024-05", merged)
    run_with_lists(folder, out, "2024-12", merged, date(2025, 1, 3))
    hamlets = [dict(h) for h in plan_hamlets() if h["hamlet"] != "Bản Cọ"]
    hamlets[0].update(start_households=300, start_poor=5, start_near_poor=3)
    start = [dict(row, hamlet="Nà Mòn" if row["hamlet"] == "Bản Cọ" else row["hamlet"])
             for row in start_list()]  # fmt: skip
    write_plan_workbook(folder / "KeHoach_2025.xlsx", {**PLAN_INFO, "plan_year": 2025}, hamlets,
                        start)  # fmt: skip
    run_with_lists(folder, out, "2025-01", {"Nà Mòn": _na_mon_2024(bc[1], bc[2]),
                                             "Bản Cọ": [bc[0], bc[3], bc[4]], "Đồng Kè": dk()},
                    date(2025, 2, 3))  # fmt: skip
    held_apart(out, "2025-01", ((6, 0, 0, 0, 0, 4), 2), ((4, 0, 0, 0, 0, 3), 1), "3/2024–4/2024")
