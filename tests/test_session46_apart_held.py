"""A household on a list sent apart is held there (session 46; the merger oracle's seed 393).

A merged hamlet's old head sends his own list apart beside the merged hamlet's (session 25):
it is refused, the merged hamlet left out of the month's figures. What it lists is kept in the
history as rows left out for an error are (status 'not_counted', under the merged hamlet), so
that the month after a household of it counted is counted again ('recounted'), neither back
in poverty (it never left the lists) nor new (the head did list it).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list."""

from __future__ import annotations

from pipeline.history import HISTORY_FILE, HistoryStore
from tests.commune import new_commune, person, write_merged_plan
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists


def april_may(tmp_path, both: bool = False):
    """April: Nà Mòn and Bản Cọ send, Đồng Kè nothing; the plan merges Bản Cọ into Nà Mòn.
    May: Nà Mòn lists NM1-NM3, NM5, Bản Cọ's old head sends BC1-BC3, NM4 and DK2 apart (NM5
    too if ``both``), Đồng Kè lists DK1. Returns the folder, the output folder and May's
    hamlets."""
    folder, out = new_commune(tmp_path)
    nm, dk = na_mon_rows(), dk_rows()
    run_lists(folder, out, "2024-04", {"Nà Mòn": nm, "Bản Cọ": bc_rows()})
    write_merged_plan(folder)
    apart = [*bc_rows(), nm[3], dk[1], *nm[4:] * both]
    may = run_lists(folder, out, "2024-05",
                 {"Nà Mòn": [p for p in nm if p["ma_ho"] != "NM4"], "Bản Cọ": apart,
                  "Đồng Kè": dk[:1]})  # fmt: skip
    return folder, out, may


def test_a_household_on_a_list_sent_apart_is_counted_again_the_month_after(tmp_path):
    """DK2, near-poor on Đồng Kè's start list, is on the list sent apart in May, off Đồng Kè's
    (moved out to Nà Mòn, held there). June: Nà Mòn lists all eight start households and
    DK2, Đồng Kè DK1. Nà Mòn's June table is set beside April (May left it out): near-poor
    NM4, NM5, BC3 = 3; DK2 was listed in May (apart): counted again, 3 + 1 = 4. It was
    new and tái nghèo (returned 1): the list apart was not stored, so the history had DK2 gone
    from the lists in May."""
    folder, out, may = april_may(tmp_path)
    assert may["Nà Mòn"]["status"] == "rejected"
    dk = dk_rows()
    june = run_lists(
        folder, out, "2024-06", {"Nà Mòn": na_mon_rows(*bc_rows(), dk[1]), "Đồng Kè": dk[:1]}
    )
    na_mon = june["Nà Mòn"]
    assert na_mon["movements_month_from"] == "2024-04"
    near = na_mon["movements_month"]["near_poor"]
    assert (near["start"], near["new"], near["returned"], near["moved_in"], near["recounted"],
            near["end"]) == (3, 0, 0, 0, 1, 4)  # fmt: skip
    # poor: NM1-NM3, BC1, BC2 in April and now, nothing moved
    poor = na_mon["movements_month"]["poor"]
    assert (poor["start"], poor["new"], poor["recounted"], poor["end"]) == (5, 0, 0, 5)


def test_the_list_apart_is_stored_held_under_the_merged_hamlet(tmp_path):
    """May as above, NM5 on both lists: the history keeps the list apart's BC1-BC3, NM4 and
    DK2 under Nà Mòn as rows left out for an error; NM5 as Nà Mòn's own list counts it. None
    was kept before."""
    _, out, may = april_may(tmp_path, both=True)
    assert may["Nà Mòn"]["status"] == "rejected"  # the list apart refused, Nà Mòn left out
    rows = HistoryStore(out / HISTORY_FILE).statuses(["2024-05"])
    stored = sorted(zip(rows["hamlet"], rows["hh_key"], rows["status"], strict=True))
    assert stored == [
        ("Nà Mòn", "id|bc1", "not_counted"),
        ("Nà Mòn", "id|bc2", "not_counted"),
        ("Nà Mòn", "id|bc3", "not_counted"),
        ("Nà Mòn", "id|dk2", "not_counted"),
        ("Nà Mòn", "id|nm1", "poor"),
        ("Nà Mòn", "id|nm2", "poor"),
        ("Nà Mòn", "id|nm3", "poor"),
        ("Nà Mòn", "id|nm4", "not_counted"),
        ("Nà Mòn", "id|nm5", "near_poor"),
        ("Đồng Kè", "id|dk1", "poor"),
    ]


def test_on_the_merged_hamlets_own_list_in_a_row_left_out_it_is_counted_again_too(tmp_path):
    """As the first case, DK2 written instead on Nà Mòn's own May list in a row left out for an
    error (0 members), X1 too (on no list before), the list apart BC1-BC3 and NM4. June: Nà
    Mòn lists all with DK2 and X1, set beside April: DK2 was on a list in May, held in its
    row: counted again; X1 was on none when its row went wrong: new (session 39). Near-poor
    3 + 1 new + 1 recounted = 5. DK2 was new: May's rows of Nà Mòn were stored, yet a row
    left out in its own hamlet after its baseline was not read as held."""
    folder, out = new_commune(tmp_path)
    nm, dk = na_mon_rows(), dk_rows()
    run_lists(folder, out, "2024-04", {"Nà Mòn": nm, "Bản Cọ": bc_rows()})
    write_merged_plan(folder)
    held = [person("DK2", "near_poor", nhan_khau=0), person("X1", "near_poor", nhan_khau=0)]
    own = [p for p in nm if p["ma_ho"] != "NM4"] + held
    run_lists(folder, out, "2024-05",
           {"Nà Mòn": own, "Bản Cọ": [*bc_rows(), nm[3]], "Đồng Kè": dk[:1]})  # fmt: skip
    june = run_lists(folder, out, "2024-06",
                  {"Nà Mòn": na_mon_rows(*bc_rows(), dk[1], person("X1", "near_poor")),
                   "Đồng Kè": dk[:1]})  # fmt: skip
    near = june["Nà Mòn"]["movements_month"]["near_poor"]
    assert (near["start"], near["new"], near["returned"], near["recounted"], near["end"]) == (
        3, 1, 0, 1, 5)  # fmt: skip
