"""Review of session 45's merger fixes (20ec1fd, 539a9d8), and the merger oracle's seed 208.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list. The merged
plan (`write_merged_plan`) merges Bản Cọ into Nà Mòn."""

from __future__ import annotations

from datetime import date

from tests.commune import new_commune, person, write_merged_plan, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists


def _moves(hamlet: dict, lst: str) -> dict:
    """The month table's figures of one list, those not 0."""
    return {k: v for k, v in hamlet["movements_month"][lst].items() if v}


def test_start_household_listed_in_a_hamlet_renamed_since_stays_on_its_silent_hamlets_list(
    tmp_path,
):
    """The merger oracle's seed 208. March, the year's first month: Nà Mòn sends nothing, Bản
    Cọ lists BC1-BC3, Đồng Kè lists DK1, DK2 and NM3 (moved there from Nà Mòn). April: the plan
    merges Bản Cọ into Nà Mòn and renames Đồng Kè 'Đồng Kè Mới'; Nà Mòn sends nothing again.
    May: Nà Mòn lists NM1, NM2, NM4, NM5 and BC1-BC3; Đồng Kè Mới marks NM3 'Thoát'. Nà Mòn,
    silent all year, is set beside its start rows (NM1-NM3 poor, NM4-NM5 near-poor) and Bản
    Cọ's March list (BC1, BC2 poor, BC3 near-poor): poor 5 at the start, NM3 exited, 4 now.
    Without the rename this was so. With it, April's run wrote the kept start list again and
    left NM3 out ('Đồng Kè', where March wrote it, is no name of the plan now), so NM3 was not
    among Nà Mòn's own households: poor 4 at the start, none exited. Session 66 (D): NM3 left
    Nà Mòn for Đồng Kè in March (the year's first month: Đồng Kè's table moved it in) and
    left the lists from Đồng Kè Mới in May ('Thoát': its May table exits it); Nà Mòn, silent
    since the start list, tells the move out it could not tell then: poor 5, moved out 1, 4
    (E2's rule, session 65, for a hamlet silent since the start list: RE2). Before: exited 1,
    and the commune's May month exited 2 for one household (the year's: 1)."""
    folder, out = new_commune(tmp_path)
    nm3 = person("NM3", "poor")
    run_lists(folder, out, "2024-03", {"Bản Cọ": bc_rows(), "Đồng Kè": [*dk_rows(), nm3]})
    write_merged_plan(folder, renamed={"Đồng Kè": "Đồng Kè Mới"})
    run_lists(folder, out, "2024-04", {"Đồng Kè Mới": [*dk_rows(), dict(nm3)]})
    na_mon = [p for p in na_mon_rows(*bc_rows()) if p["ma_ho"] != "NM3"]
    lists = {"Nà Mòn": na_mon, "Đồng Kè Mới": [*dk_rows(), person("NM3", "exited")]}
    by_name = run_lists(folder, out, "2024-05", lists)
    assert (by_name["Nà Mòn"]["movements_month_from"], by_name["Nà Mòn"]["merged_from"]) == (
        "plan", ["Bản Cọ"])  # fmt: skip
    assert _moves(by_name["Nà Mòn"], "poor") == {"start": 5, "moved_out": 1, "end": 4}
    assert _moves(by_name["Nà Mòn"], "near_poor") == {"start": 3, "end": 3}
    # Đồng Kè Mới, against its April list (DK1, NM3 poor; DK2 near-poor): NM3 left
    assert _moves(by_name["Đồng Kè Mới"], "poor") == {"start": 2, "exited": 1, "end": 1}


def test_merged_with_a_household_moved_into_its_list_and_back_out_is_merged(tmp_path):
    """A guard of 539a9d8. February: DK1 moves from Đồng Kè into Bản Cọ's list; March: Bản Cọ
    lists BC1-BC3 and DK1; April: Bản Cọ's list is refused; the plan merges Bản Cọ into Nà
    Mòn. May: Nà Mòn lists NM1-NM5, BC2 and BC3, Đồng Kè DK1 (moved back), DK2 and BC1. DK1 says
    nothing of the merger: Nà Mòn is set beside its April list and Bản Cọ's March list (NM1-NM3,
    BC1, BC2, DK1 poor): BC1 and DK1 moved out to Đồng Kè. On the code before 539a9d8 no merger
    was found: Nà Mòn against April alone, BC2 and BC3 new, BC1 and DK1 new in Đồng Kè."""
    folder, out = new_commune(tmp_path)
    dk1, dk2 = dk_rows()
    run_lists(
        folder,
        out,
        "2024-02",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*bc_rows(), dk1], "Đồng Kè": [dk2]},
    )
    lists = {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*bc_rows(), dict(dk1)], "Đồng Kè": [dict(dk2)]}
    run_lists(folder, out, "2024-03", lists)
    refused = write_roster(  # its household total below the households it lists
        folder, "BC_2024-04.xlsx", "Bản Cọ", 1, bc_rows(), "2024-04", date(2024, 5, 3)
    )
    april = run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Đồng Kè": [dict(dk2)]})
    assert april["Bản Cọ"]["status"] == "rejected"
    refused.unlink()
    write_merged_plan(folder)
    bc1, bc2, bc3 = bc_rows()
    by_name = run_lists(
        folder, out, "2024-05", {"Nà Mòn": na_mon_rows(bc2, bc3), "Đồng Kè": [*dk_rows(), bc1]}
    )
    assert (by_name["Nà Mòn"]["movements_month_from"], by_name["Nà Mòn"]["merged_from"]) == (
        "2024-03", ["Bản Cọ"])  # fmt: skip
    assert _moves(by_name["Nà Mòn"], "poor") == {"start": 6, "moved_out": 2, "end": 4}
    assert _moves(by_name["Nà Mòn"], "near_poor") == {"start": 3, "end": 3}
    assert _moves(by_name["Đồng Kè"], "poor") == {"moved_in": 2, "end": 2}


def test_held_by_name_in_january_before_the_merger_is_counted_again(tmp_path):
    """A guard of 20ec1fd in the year's first month. January: Bản Cọ writes BC2 without its Mã
    hộ (the row is left out and holds BC2 by name); February: Nà Mòn sends nothing, Bản Cọ
    lists BC1 and BC3; the plan merges Bản Cọ into Nà Mòn and March's list counts BC2. Nà Mòn
    is set beside its January list and Bản Cọ's February list; BC2 was on the lists at the end
    of January, its row's month: counted again (session 39), as with its code in that row. On
    the code before 20ec1fd: new and back (tái nghèo)."""
    folder, out = new_commune(tmp_path)
    bc1, bc2, bc3 = bc_rows()
    lists = {
        "Nà Mòn": na_mon_rows(),
        "Bản Cọ": [bc1, dict(bc2, ma_ho=None), bc3],
        "Đồng Kè": dk_rows(),
    }
    run_lists(folder, out, "2024-01", lists)
    run_lists(folder, out, "2024-02", {"Bản Cọ": [bc1, bc3], "Đồng Kè": dk_rows()})
    write_merged_plan(folder)
    by_name = run_lists(
        folder, out, "2024-03", {"Nà Mòn": na_mon_rows(*bc_rows()), "Đồng Kè": dk_rows()}
    )
    assert by_name["Nà Mòn"]["movements_month_from"] == "2024-01"
    # NM1-NM3 (January) and BC1 (February) poor; BC2 counted again
    assert _moves(by_name["Nà Mòn"], "poor") == {"start": 4, "recounted": 1, "end": 5}
