"""Hamlets merged by the plan: the merger oracle's last two seeds (session 45).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list."""

from __future__ import annotations

from datetime import date

from tests.commune import new_commune, write_merged_plan, write_roster
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists


def _march_held_by_name_then_merged(folder, out) -> tuple[int, ...]:
    """March: Bản Cọ writes BC2 without its Mã hộ; April: Nà Mòn silent, Bản Cọ lists BC1 and
    BC3; the plan merges Bản Cọ into Nà Mòn; May's list counts all. Nà Mòn's May poor
    movements: start, new, returned, recounted, end."""
    bc1, bc2, bc3 = bc_rows()
    lists = {
        "Nà Mòn": na_mon_rows(),
        "Bản Cọ": [bc1, dict(bc2, ma_ho=None), bc3],
        "Đồng Kè": dk_rows(),
    }
    run_lists(folder, out, "2024-03", lists)
    run_lists(folder, out, "2024-04", {"Bản Cọ": [bc1, bc3], "Đồng Kè": dk_rows()})
    write_merged_plan(folder)
    by_name = run_lists(
        folder, out, "2024-05", {"Nà Mòn": na_mon_rows(*bc_rows()), "Đồng Kè": dk_rows()}
    )
    poor = by_name["Nà Mòn"]["movements_month"]["poor"]
    return (poor["start"], poor["new"], poor["returned"], poor["recounted"], poor["end"])


def test_held_by_name_in_the_merged_hamlets_older_list_is_counted_again(tmp_path):
    """The merger oracle's seed 16. March: Bản Cọ's list writes BC2 without its Mã hộ (the row
    is left out and holds BC2 by name); April: Nà Mòn sends nothing and Bản Cọ lists BC1 and
    BC3; the plan merges Bản Cọ into Nà Mòn and May's list counts BC2. BC2 was on the lists at
    the end of March, its row's month: counted again (session 39), as with its code in that row
    (tests/test_session43_mergers.py). Its row held by name in a list older than Bản Cọ's
    latest matched nothing: new and back (tái nghèo)."""
    folder, out = new_commune(tmp_path)
    # NM1-NM3 (March) and BC1 (April) poor; BC2 counted again
    assert _march_held_by_name_then_merged(folder, out) == (4, 0, 0, 1, 5)


def test_held_by_name_in_the_merged_hamlets_older_list_after_it_left_is_back(tmp_path):
    """The guard of the case above (session 39): BC2 left Bản Cọ's list in February, before its
    row without a Mã hộ in March. It was out of the lists at the end of March: back (tái
    nghèo) in May, not counted again."""
    folder, out = new_commune(tmp_path)
    bc1, _, bc3 = bc_rows()
    run_lists(
        folder,
        out,
        "2024-02",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": [bc1, bc3], "Đồng Kè": dk_rows()},
    )
    assert _march_held_by_name_then_merged(folder, out) == (4, 1, 1, 0, 5)


def test_held_by_name_after_it_left_in_a_month_after_the_list_compared_with_is_back(tmp_path):
    """January: all three hamlets send; February: Nà Mòn sends nothing, Bản Cọ lists BC1 and
    BC3 (BC2 left the lists); March: Nà Mòn nothing, Bản Cọ writes BC2 without its Mã hộ; the
    plan merges Bản Cọ into Nà Mòn and April's list counts BC2. Nà Mòn is set beside its
    January list and Bản Cọ's March list. BC2 was out of the lists at the end of March, its
    row's month: back (tái nghèo). It was judged at January's end, Nà Mòn's list, where BC2 was
    listed: counted again."""
    folder, out = new_commune(tmp_path)
    bc1, bc2, bc3 = bc_rows()
    run_lists(
        folder, out, "2024-01", {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()}
    )
    run_lists(folder, out, "2024-02", {"Bản Cọ": [bc1, bc3], "Đồng Kè": dk_rows()})
    run_lists(
        folder, out, "2024-03", {"Bản Cọ": [bc1, dict(bc2, ma_ho=None), bc3], "Đồng Kè": dk_rows()}
    )
    write_merged_plan(folder)
    by_name = run_lists(
        folder, out, "2024-04", {"Nà Mòn": na_mon_rows(*bc_rows()), "Đồng Kè": dk_rows()}
    )
    na_mon = by_name["Nà Mòn"]
    assert (na_mon["movements_month_from"], na_mon["merged_from"]) == ("2024-01", ["Bản Cọ"])
    # NM1-NM3 (January) and BC1 (March) poor; BC2 back
    poor = na_mon["movements_month"]["poor"]
    assert (poor["start"], poor["new"], poor["returned"], poor["recounted"], poor["end"]) == (
        4, 1, 1, 0, 5)  # fmt: skip


def test_merged_by_the_plan_with_a_household_moved_into_its_list_during_the_year(tmp_path):
    """The merger oracle's seed 197. March: DK1 has moved from Đồng Kè into Bản Cọ's list
    (BC1-BC3, DK1); April: Bản Cọ's list is refused; the plan merges Bản Cọ into Nà Mòn. May:
    Nà Mòn lists NM1-NM5, BC2 and BC3, Đồng Kè DK2 and BC1 (moved there); DK1 left the lists.
    The plan's start list writes DK1 under Đồng Kè, where it was at the start: 3 of the 4 of
    Bản Cọ's March list under Nà Mòn is not nearly all, and 2 of 4 on its list now are not
    enough either, so no merger was found and Nà Mòn was set beside its April list alone. DK1
    moved into Bản Cọ's list during the year and says nothing of the merger: Nà Mòn is set
    beside its April list and Bản Cọ's March list."""
    folder, out = new_commune(tmp_path)
    bc1, bc2, bc3 = bc_rows()
    dk1, dk2 = dk_rows()
    run_lists(
        folder,
        out,
        "2024-03",
        {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*bc_rows(), dk1], "Đồng Kè": [dk2]},
    )
    # April: Bản Cọ's list refused (its household total below the households it lists)
    refused = write_roster(
        folder, "BC_2024-04.xlsx", "Bản Cọ", 1, bc_rows(), "2024-04", date(2024, 5, 3)
    )
    april = run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Đồng Kè": [dk2]})
    assert april["Bản Cọ"]["status"] == "rejected"
    refused.unlink()
    write_merged_plan(folder)
    by_name = run_lists(
        folder, out, "2024-05", {"Nà Mòn": na_mon_rows(bc2, bc3), "Đồng Kè": [dk2, bc1]}
    )
    na_mon = by_name["Nà Mòn"]
    assert (na_mon["movements_month_from"], na_mon.get("merged_from")) == ("2024-03", ["Bản Cọ"])
    # NM1-NM3 (April), BC1, BC2 and DK1 (March) poor: BC1 moved to Đồng Kè, DK1 gone
    poor, near = na_mon["movements_month"]["poor"], na_mon["movements_month"]["near_poor"]
    assert (poor["start"], poor["moved_out"], poor["exited"], poor["new"], poor["end"]) == (
        6, 1, 1, 0, 4)  # fmt: skip
    assert (near["start"], near["new"], near["end"]) == (3, 0, 3)
    poor = by_name["Đồng Kè"]["movements_month"]["poor"]
    assert (poor["start"], poor["moved_in"], poor["new"], poor["end"]) == (0, 1, 0, 1)
