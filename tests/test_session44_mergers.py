"""Hamlets merged by the plan: what session 43 left of the merger oracle (session 44).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list. The plan
written again merges Bản Cọ into Nà Mòn (tests.commune.write_merged_plan)."""

from __future__ import annotations

from tests.commune import new_commune, person, write_merged_plan
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists


def test_left_the_merged_hamlets_list_while_the_one_it_joined_was_silent_is_back(tmp_path):
    """The merger oracle's hamlet merged into that sent no list all year (seeds 8, 180, ...).
    April is the year's first month: Bản Cọ lists BC1 near-poor and BC2, not BC3 (it left the
    lists); Nà Mòn sends nothing. The plan merges Bản Cọ into Nà Mòn; May's list holds NM1-NM5,
    BC1, BC2 and BC3 near-poor again. The history walk read BC3 on the start list under Nà Mòn
    (the plan's list now), silent in April: not gone, so new in May and not back. It left
    Bản Cọ's April list: new and back (tái nghèo)."""
    folder, out = new_commune(tmp_path)
    bc = [person("BC1", "near_poor"), person("BC2", "poor")]
    run_lists(folder, out, "2024-04", {"Bản Cọ": bc, "Đồng Kè": dk_rows()})
    write_merged_plan(folder)
    may = {"Nà Mòn": na_mon_rows(*bc, person("BC3", "near_poor")), "Đồng Kè": dk_rows()}
    for _ in range(2):  # the month run again (the kept list rewritten): the same answer
        near = run_lists(folder, out, "2024-05", may)["Nà Mòn"]["movements_month"]["near_poor"]
        # start: NM4, NM5 (its start rows), BC1 (Bản Cọ's April list); BC3 back
        assert (near["start"], near["new"], near["returned"], near["end"]) == (3, 1, 1, 4)


def test_held_for_an_error_after_the_merger_of_a_hamlet_silent_all_year_is_counted_again(
    tmp_path,
):
    """The merger oracle's merged hamlet that sent no list all year (seed 31). April: Nà Mòn
    sends its own five, Bản Cọ nothing. The plan merges Bản Cọ into Nà Mòn; May's list holds
    BC1, BC2 and BC3 in a row left out for an error (no members); June's counts BC3. The walk
    read BC1-BC3 on the start list under Nà Mòn, which reported in April without them: gone
    then, so BC3 was new and back in June. Bản Cọ sent nothing in April: BC3 never left, and
    June counts it again (a row left out for an error holds its household)."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows()})
    write_merged_plan(folder)
    bc1, bc2, bc3 = bc_rows()
    run_lists(folder, out, "2024-05",
           {"Nà Mòn": na_mon_rows(bc1, bc2, dict(bc3, nhan_khau=0)), "Đồng Kè": dk_rows()})  # fmt: skip
    june = run_lists(
        folder, out, "2024-06", {"Nà Mòn": na_mon_rows(*bc_rows()), "Đồng Kè": dk_rows()}
    )
    near = june["Nà Mòn"]["movements_month"]["near_poor"]
    # May's list: NM4, NM5 near-poor; BC3 held there, counted again in June
    assert (near["start"], near["new"], near["returned"], near["recounted"], near["end"]) == (
        2, 0, 0, 1, 3,
    )  # fmt: skip


def test_written_thoat_in_the_first_month_by_the_hamlet_it_joined_is_in_the_merged_start(
    tmp_path,
):
    """The merger oracle's merged hamlet that sent no list all year, one of its start households
    written in another hamlet's list in the year's first month (seeds 4, 82, ...). April: Nà Mòn
    lists its own five and BC1 'Thoát'; Bản Cọ sends nothing, so no table said BC1 exited. The
    plan merges Bản Cọ into Nà Mòn; May's list holds BC2, BC3 and BC1 'Thoát' again. The kept
    start list left BC1 out (April writes it), so May's start lacked it and nobody said it
    exited. It is Bản Cọ's start household: poor at the start of May, exited in May. May run
    again gives the same: the list rewritten under the merged plan leaves BC1 out (April writes
    it in Nà Mòn's list, its hamlet now), the run's record keeps it as Bản Cọ's."""
    folder, out = new_commune(tmp_path)
    _, bc2, bc3 = bc_rows()
    run_lists(
        folder,
        out,
        "2024-04",
        {"Nà Mòn": na_mon_rows(person("BC1", "exited")), "Đồng Kè": dk_rows()},
    )
    write_merged_plan(folder)
    may = {"Nà Mòn": na_mon_rows(bc2, bc3, person("BC1", "exited")), "Đồng Kè": dk_rows()}
    for _ in range(2):
        poor = run_lists(folder, out, "2024-05", may)["Nà Mòn"]["movements_month"]["poor"]
        # NM1-NM3, BC1 and BC2 at the start; BC1 exited
        assert (poor["start"], poor["exited"], poor["end"]) == (5, 1, 4)


def test_moved_elsewhere_in_the_first_month_from_the_silent_hamlet_joined_moves_out_of_it(
    tmp_path,
):
    """The merger oracle's hamlet merged into that sent no list all year, one of its start
    households on a third hamlet's list in the year's first month (seeds 151, 191). April: Đồng
    Kè lists DK1, DK2 and NM3 (moved in from Nà Mòn's start list); Bản Cọ its own; Nà Mòn sends
    nothing. The plan merges Bản Cọ into Nà Mòn; May: Nà Mòn lists NM1, NM2, NM4, NM5 and
    BC1-BC3, Đồng Kè as in April. Nà Mòn is set beside its own start rows and Bản Cọ's April
    list; its own rows were those the kept start list had, and it left NM3 out (April writes
    it; NM1, the hamlet's first, is always kept), so the move Đồng Kè said in April had no move
    out. NM3 is Nà Mòn's start household: it moved out in May, as a hamlet back after silence
    says (session 35)."""
    folder, out = new_commune(tmp_path)
    lists = {"Bản Cọ": bc_rows(), "Đồng Kè": [*dk_rows(), person("NM3", "poor")]}
    run_lists(folder, out, "2024-04", lists)
    write_merged_plan(folder)
    na_mon = [row for row in na_mon_rows(*bc_rows()) if row["ma_ho"] != "NM3"]
    may = {"Nà Mòn": na_mon, "Đồng Kè": lists["Đồng Kè"]}
    for _ in range(2):
        by_name = run_lists(folder, out, "2024-05", may)
        poor = by_name["Nà Mòn"]["movements_month"]["poor"]
        # NM1-NM3, BC1, BC2 at the start; NM3 moved out to Đồng Kè
        assert (poor["start"], poor["moved_out"], poor["new"], poor["end"]) == (5, 1, 0, 4)
        dk = by_name["Đồng Kè"]["movements_month"]["poor"]
        assert (dk["start"], dk["moved_in"], dk["end"]) == (2, 0, 2)


def test_a_silent_merged_hamlets_household_on_a_third_list_before_the_merger_is_found_is_not_back(
    tmp_path,
):
    """The merger oracle's seed 38. April: Nà Mòn sends its own five, Bản Cọ nothing. The plan
    merges Bản Cọ into Nà Mòn; in May Nà Mòn sends nothing (so no merger is found this month)
    and Đồng Kè lists BC1. The walk read BC1 on the start list under Nà Mòn (the plan's list
    now), which reported in April without it: gone then, so back (tái nghèo) in May. No list of
    Bản Cọ ever lacked it: not back. The walk reads a start household the kept list has under a
    name the year's months named and the plan lacks under that name. Session 61 (A2): Bản Cọ's
    latest list is the start list (session 43), now Nà Mòn's, whose May baseline holds it: BC1
    moved in from Nà Mòn in the month table as in the year's (it was new in the month's alone;
    the mergers oracle's seeds 38 and 1476 say moved in)."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows()})
    write_merged_plan(folder)
    may = run_lists(folder, out, "2024-05", {"Đồng Kè": [*dk_rows(), person("BC1", "poor")]})
    poor = may["Đồng Kè"]["movements_month"]["poor"]
    assert (poor["start"], poor["new"], poor["moved_in"], poor["returned"], poor["end"]) == (
        1, 0, 1, 0, 2)  # fmt: skip


def test_merged_silent_all_year_the_hamlet_it_joined_silent_in_the_merger_month(tmp_path):
    """The merger oracle's seed 93. April: Nà Mòn sends its own five, Bản Cọ nothing. The plan
    merges Bản Cọ into Nà Mòn in May, when Nà Mòn sends nothing; June's list holds NM1-NM5, BC1
    and BC2 (BC3 left the lists). No month names Bản Cọ since April (May's plan lacks it), so
    Nà Mòn was set beside its April list alone: BC1, BC2 new and back, BC3 never said gone.
    Bản Cọ's latest list is the start list: Nà Mòn is set beside both."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows()})
    write_merged_plan(folder)
    run_lists(folder, out, "2024-05", {"Đồng Kè": dk_rows()})
    bc1, bc2, _ = bc_rows()
    june = run_lists(
        folder, out, "2024-06", {"Nà Mòn": na_mon_rows(bc1, bc2), "Đồng Kè": dk_rows()}
    )
    na_mon = june["Nà Mòn"]
    assert na_mon["merged_from"] == ["Bản Cọ"]
    poor, near = na_mon["movements_month"]["poor"], na_mon["movements_month"]["near_poor"]
    # NM1-NM3, BC1, BC2 poor at the start, all there; NM4, NM5, BC3 near-poor, BC3 exited
    assert (poor["start"], poor["new"], poor["returned"], poor["end"]) == (5, 0, 0, 5)
    assert (near["start"], near["exited"], near["end"]) == (3, 1, 2)
