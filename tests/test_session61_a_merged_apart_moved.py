"""Session 61 (helper A): a household held in a merged part's list sent apart, counted in another
hamlet the month after, is moved in from the merged hamlet, whose table moves it out: the
mergers oracle's seeds 1428 and 1444 (Khuôn Lăn's near-poor).

Session 60 B's rule (`figuresteps._held_apart_there`: a household last held in a row left out
of another hamlet's list held apart, where that hamlet's baseline now has it counted, is moved
in from there, not counted again) asked the baseline under the name its list was stored as; a
merged hamlet's baseline is its parts' latest lists, stored under the parts' old names, so the
rule never answered after a list sent apart by a merged part's old head (session 42)."""

from __future__ import annotations

import json
from itertools import product

from tests.commune import new_commune, person, write_merged_plan
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists
from tests.test_session55_b_turn_pairing import listed_movements


def month_summary(folder, out, period: str, lists: dict, refused: tuple = ()) -> dict:
    """Run ``period`` with these lists; the JSON summary's hamlets by name, "" the totals."""
    by_name = run_lists(folder, out, period, lists, refused)
    summary = json.loads((out / period / f"TongHop_{period}.json").read_text("utf-8"))
    return by_name | {"": summary["totals"]}


def poor_moves(figures: dict, scope: str) -> tuple:
    """(start, exited, moved out, new, moved in, counted again, end) of the poor."""
    m = figures[scope]["poor"]
    return (m["start"], m["exited"], m["moved_out"], m["new"], m["moved_in"], m["recounted"],
            m["end"])  # fmt: skip


def test_held_in_a_merged_parts_list_apart_then_counted_elsewhere_is_moved_in(tmp_path):
    """Worked by hand. April: the three hamlets' start lists (Nà Mòn NM1-NM3 poor, NM4, NM5
    near-poor; Bản Cọ BC1, BC2 poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor). The plan
    merges Bản Cọ into Nà Mòn from May. May: Nà Mòn's head sends NM1-NM5, Bản Cọ's old head his
    own list apart (BC1-BC3): Nà Mòn held apart (its lists read and stored, BC1-BC3 as rows
    left out for an error; no table). June: Nà Mòn lists NM1-NM5, BC1, BC3; BC2 (poor) is on
    Đồng Kè's list. Nà Mòn's June month table, beside April's Nà Mòn and Bản Cọ lists (its
    latest accepted): poor 5, moved out 1 (BC2, "Chuyển sang Đồng Kè"), 4. Đồng Kè's, beside
    its May list (DK1 poor): poor 1, moved in 1 (BC2, "Chuyển đến từ Nà Mòn"), 2; the
    commune's month row: poor 6, moved out 1, moved in 1, 6, as the year's tables say.
    Before: BC2 counted again in Đồng Kè's month table ('Tính lại': the held row of the list
    apart, stored under Nà Mòn, asked of Bản Cọ's April list under 'Bản Cọ'), beside Nà Mòn's
    move out: the commune's moved out 1, moved in 0, counted again 1."""
    folder, out = new_commune(tmp_path)
    month_summary(folder, out, "2024-04",
                  {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    write_merged_plan(folder)
    may = month_summary(folder, out, "2024-05",
                        {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    assert may["Nà Mòn"]["status"] == "rejected"
    bc1, bc2, bc3 = bc_rows()
    june = month_summary(folder, out, "2024-06",
                         {"Nà Mòn": na_mon_rows(bc1, bc3), "Đồng Kè": [*dk_rows(), bc2]})  # fmt: skip
    assert june["Nà Mòn"]["movements_month_from"] == "2024-04"
    assert poor_moves(june["Nà Mòn"], "movements_month") == (5, 0, 1, 0, 0, 0, 4)
    assert poor_moves(june["Đồng Kè"], "movements_month") == (1, 0, 0, 0, 1, 0, 2)
    assert poor_moves(june[""], "movements_month") == (6, 0, 1, 0, 1, 0, 6)
    # the year's tables (the merged start list: NM1-NM3, BC1, BC2 poor under Nà Mòn) alike
    assert poor_moves(june["Nà Mòn"], "movements") == (5, 0, 1, 0, 0, 0, 4)
    assert poor_moves(june["Đồng Kè"], "movements") == (1, 0, 0, 0, 1, 0, 2)
    assert poor_moves(june[""], "movements") == (6, 0, 1, 0, 1, 0, 6)
    rows = [r for r in listed_movements(out, "2024-06") if r[1] == "BC2"]
    assert [(h, what) for h, _, what, _ in rows] == [
        ("Nà Mòn", "Chuyển sang Đồng Kè"),
        ("Đồng Kè", "Chuyển đến từ Nà Mòn"),
        ("Nà Mòn", "Chuyển sang Đồng Kè"),
        ("Đồng Kè", "Chuyển đến từ Nà Mòn"),
    ]


def test_merged_while_silent_its_parts_list_apart_household_counted_elsewhere_moved_in(tmp_path):
    """The same, Nà Mòn silent in June (no table): its baseline is April's Nà Mòn and Bản Cọ
    lists, stored under their own names, BC2 poor on Bản Cọ's. Đồng Kè's June month table:
    poor 1, moved in 1 (BC2, "Chuyển đến từ Nà Mòn"), 2, as its year's table (session 59 A: a
    silent hamlet's household on another list now moved in from it). Before: counted again
    ('Tính lại')."""
    folder, out = new_commune(tmp_path)
    month_summary(folder, out, "2024-04",
                  {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    write_merged_plan(folder)
    month_summary(folder, out, "2024-05",
                  {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    june = month_summary(folder, out, "2024-06", {"Đồng Kè": [*dk_rows(), bc_rows()[1]]})
    assert poor_moves(june["Đồng Kè"], "movements_month") == (1, 0, 0, 0, 1, 0, 2)
    assert poor_moves(june["Đồng Kè"], "movements") == (1, 0, 0, 0, 1, 0, 2)


def test_a_part_refused_before_its_merger_is_its_start_list_after_a_list_apart(tmp_path):
    """Worked by hand (the mergers oracle's seed 1444). April: Nà Mòn's and Đồng Kè's start
    lists counted, Bản Cọ's list refused (no month accepts it). The plan merges Bản Cọ into Nà
    Mòn from May; May: Nà Mòn's head sends NM1-NM5, Bản Cọ's old head his list apart (BC1-BC3):
    Nà Mòn held apart. June: Nà Mòn lists NM1-NM5, BC1, BC3; BC2 on Đồng Kè's list. Nà Mòn's
    June month table is set beside its latest accepted lists: its own April list and, for
    Bản Cọ, the start list (BC1, BC2 poor, BC3 near-poor; session 43), from the start list:
    poor 5, moved out 1 (BC2), 4; near-poor 3 to 3. Đồng Kè's: poor 1, moved in 1 (BC2, from
    Nà Mòn), 2. Before: the merger said in May (beside the list apart alone) was taken for
    Bản Cọ's households listed since: Nà Mòn's table beside its April list alone (poor 3, BC1
    counted again, BC2 nowhere; near-poor 2, BC3 counted again), Đồng Kè's BC2 counted
    again."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()},
              refused=("Bản Cọ",))  # fmt: skip
    write_merged_plan(folder)
    may = month_summary(folder, out, "2024-05",
                        {"Nà Mòn": na_mon_rows(), "Bản Cọ": bc_rows(), "Đồng Kè": dk_rows()})  # fmt: skip
    assert may["Nà Mòn"]["status"] == "rejected"
    bc1, bc2, bc3 = bc_rows()
    june = month_summary(folder, out, "2024-06",
                         {"Nà Mòn": na_mon_rows(bc1, bc3), "Đồng Kè": [*dk_rows(), bc2]})  # fmt: skip
    nm = june["Nà Mòn"]
    assert (nm["movements_month_from"], nm["merged_from"]) == ("plan", ["Bản Cọ"])
    assert poor_moves(nm, "movements_month") == (5, 0, 1, 0, 0, 0, 4)
    near = nm["movements_month"]["near_poor"]
    assert (near["start"], near["exited"], near["new"], near["recounted"], near["end"]) == (
        3, 0, 0, 0, 3)  # fmt: skip
    assert poor_moves(june["Đồng Kè"], "movements_month") == (1, 0, 0, 0, 1, 0, 2)
    assert poor_moves(june[""], "movements_month") == (6, 0, 1, 0, 1, 0, 6)
    assert poor_moves(june[""], "movements") == (6, 0, 1, 0, 1, 0, 6)


def test_moved_into_a_list_merged_since_its_hamlet_refused_now_is_moved_out(tmp_path):
    """Worked by hand (the mergers oracle's seed 1436). April: Nà Mòn's list counted; Đồng
    Kè's list (DK3, DK4, near-poor, new) refused, DK1 (poor) and DK2 (near-poor) on Bản Cọ's
    list (BC1, BC2, DK1, DK2; BC3 gone): moved there. The plan merges Bản Cọ into Nà Mòn from May; May: Nà
    Mòn's list (its own and Bản Cọ's households; a refused list is not read for the figures)
    refused, Đồng Kè's lists DK3. DK1 and DK2 are where they were last seen, on Bản Cọ's list, now Nà Mòn's,
    which sent nothing valid (session 11): Đồng Kè's year and month tables (both beside the
    start list, its April list refused: DK1 poor, DK2 near-poor) poor 1, moved out 1, 0;
    near-poor 1, moved out 1, new 1 (DK3), 1; 'Chuyển sang Nà Mòn' in each, nothing gone.
    Before: Bản Cọ's April list was not read as Nà Mòn's (half of its households under Đồng Kè
    on the start list: no merger; those that moved into it during the year not left out, as
    for a hamlet back after silence, session 45): DK1 and DK2 gone ('Không còn trong danh
    sách'), exited 1 and 1."""
    folder, out = new_commune(tmp_path)
    dk1, dk2 = dk_rows()
    dk3 = person("DK3", "near_poor")
    run_lists(folder, out, "2024-04",
              {"Nà Mòn": na_mon_rows(), "Bản Cọ": [*bc_rows()[:2], dk1, dk2],
               "Đồng Kè": [dk3, person("DK4", "near_poor")]}, refused=("Đồng Kè",))  # fmt: skip
    write_merged_plan(folder)
    run_lists(folder, out, "2024-05",
              {"Nà Mòn": na_mon_rows(*bc_rows()), "Đồng Kè": [dk3]},
              refused=("Nà Mòn",))  # fmt: skip
    summary = json.loads((out / "2024-05" / "TongHop_2024-05.json").read_text("utf-8"))
    dk = {h["hamlet"]: h for h in summary["hamlets"]}["Đồng Kè"]
    assert dk["movements_month_from"] == "plan"
    for figures, scope in product((dk, summary["totals"]), ("movements", "movements_month")):
        assert poor_moves(figures, scope) == (1, 0, 1, 0, 0, 0, 0)
        near = figures[scope]["near_poor"]
        assert (near["start"], near["exited"], near["moved_out"], near["new"], near["end"]) == (
            1, 0, 1, 1, 1)  # fmt: skip
    rows = [(r[0], r[1], r[2]) for r in listed_movements(out, "2024-05") if r[1] != "DK3"]
    moved = [("Đồng Kè", "DK1", "Chuyển sang Nà Mòn"), ("Đồng Kè", "DK2", "Chuyển sang Nà Mòn")]
    assert rows == moved * 2  # the year's table, the month's
