"""Session 61, helper C3: the renames oracle's seed 2281 (`python -m tests.test_session38_oracle
2281 1 --renames`), worked small by hand.

The plan is revised in April: Bản Cọ renamed 'Bản Cọ Trên', Đồng Kè 'Đồng Kè Mới'. NM4, near-poor
on Nà Mòn's start list, is written on Đồng Kè's March list in a row left out for an error (0
members): still on the lists, not counted. Đồng Kè Mới's April list does not have it: it left the
lists in April. In May Đồng Kè Mới lists it again: back, 'Tái cận nghèo' (new, returned), not
'Tính lại' (recounted from the row with the error). The walk of the history read March's rows
under the old name 'Đồng Kè' in May: the rename April found was looked for again over March's
rows, and DK2, on Bản Cọ Trên's list in May (a name March lacked), made the rule's answer none
(a hamlet split in two is no rename); so Đồng Kè never reported after March and NM4 never left.
The rename the stored April summary said (`renamed_from`) now stays known to the walk.
"""

from __future__ import annotations

from tests.commune import new_commune, person, write_renamed_plan
from tests.test_session38_oracle import dk_rows, na_mon_rows, run_lists

RENAMED = {"Bản Cọ": "Bản Cọ Trên", "Đồng Kè": "Đồng Kè Mới"}


def na_mon() -> list[dict]:
    return [p for p in na_mon_rows() if p["ma_ho"] != "NM4"]


def bc_rows() -> list[dict]:
    return [person("BC1", "poor"), person("BC2", "poor"), person("BC3", "near_poor")]


def run_three_months(tmp_path) -> dict:
    folder, out = new_commune(tmp_path)
    # March: Bản Cọ silent; NM4 on Đồng Kè's list in a row left out (0 members)
    run_lists(folder, out, "2024-03",
              {"Nà Mòn": na_mon(), "Đồng Kè": dk_rows() + [person("NM4", "near_poor", nhan_khau=0)]})  # fmt: skip
    write_renamed_plan(folder, RENAMED)
    # April: Đồng Kè Mới without NM4 (it left the lists); Bản Cọ Trên silent
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon(), "Đồng Kè Mới": dk_rows()})
    # May: NM4 back on Đồng Kè Mới's list; DK2 moved to Bản Cọ Trên, whose first list this is
    return run_lists(folder, out, "2024-05",
                     {"Nà Mòn": na_mon(), "Bản Cọ Trên": bc_rows() + [person("DK2", "near_poor")],
                      "Đồng Kè Mới": [person("DK1", "poor"), person("NM4", "near_poor")]})  # fmt: skip


def test_left_after_its_row_with_an_error_and_back_after_the_rename_is_returned(tmp_path):
    by_name = run_three_months(tmp_path)
    month = by_name["Đồng Kè Mới"]["movements_month"]["near_poor"]
    # April's list: DK2 near-poor; May: DK2 moved out to Bản Cọ Trên, NM4 back (left in April)
    got = (month["start"], month["moved_out"], month["new"], month["returned"], month["recounted"],
           month["end"])  # fmt: skip
    assert got == (1, 1, 1, 1, 0, 1)
    poor = by_name["Đồng Kè Mới"]["movements_month"]["poor"]
    assert (poor["start"], poor["new"], poor["recounted"], poor["end"]) == (1, 0, 0, 1)
    # the year's table: NM4 from Nà Mòn's start list, DK2 from Đồng Kè Mới's
    year = by_name["Đồng Kè Mới"]["movements"]["near_poor"]
    assert (year["start"], year["moved_in"], year["moved_out"], year["end"]) == (1, 1, 1, 1)
    assert by_name["Đồng Kè Mới"]["renamed_from"] == [{"hamlet": "Đồng Kè", "period": "2024-04"}]


def test_the_months_totals_add_up_with_nm4_back(tmp_path):
    """The commune's May month table (near-poor): April's lists had NM5 (Nà Mòn) and DK2, May's
    NM5, BC3 (Bản Cọ Trên: compared with the start list, BC3 there), DK2 moved, NM4 back."""
    by_name = run_three_months(tmp_path)
    bc = by_name["Bản Cọ Trên"]["movements_month"]["near_poor"]
    # against its start list (BC3 near-poor): BC3 stays, DK2 moved in
    assert (bc["start"], bc["moved_in"], bc["new"], bc["end"]) == (1, 1, 0, 2)
    nm = by_name["Nà Mòn"]["movements_month"]["near_poor"]
    assert (nm["start"], nm["new"], nm["recounted"], nm["end"]) == (1, 0, 0, 1)


def test_from_a_silent_hamlets_start_rows_it_is_returned_not_recounted(tmp_path):
    """The seed's own shape: the household is BC3, near-poor on the start list of Bản Cọ, silent
    until May (its month table compares with its start rows, where BC3 is). March: BC3 on Đồng
    Kè's list in a row left out (0 members); April: Đồng Kè Mới's list without it (it left);
    May: back on Đồng Kè Mới's. Before, May's table said 'Tính lại' (recounted 1): the walk's
    latest listing of BC3 was March's row under 'Đồng Kè', a hamlet that never reported again."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-03",
              {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows() + [person("BC3", "near_poor", nhan_khau=0)]})  # fmt: skip
    write_renamed_plan(folder, RENAMED)
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Đồng Kè Mới": dk_rows()})
    by_name = run_lists(folder, out, "2024-05",
                        {"Nà Mòn": na_mon_rows(),
                         "Bản Cọ Trên": bc_rows()[:2] + [person("DK2", "near_poor")],
                         "Đồng Kè Mới": [person("DK1", "poor"), person("BC3", "near_poor")]})  # fmt: skip
    month = by_name["Đồng Kè Mới"]["movements_month"]["near_poor"]
    got = (month["start"], month["moved_out"], month["new"], month["returned"], month["recounted"],
           month["end"])  # fmt: skip
    assert got == (1, 1, 1, 1, 0, 1)
    # Bản Cọ Trên against its start rows (BC3 near-poor): DK2 in its place
    bc = by_name["Bản Cọ Trên"]["movements_month"]["near_poor"]
    assert (bc["start"], bc["end"]) == (1, 1)
