"""Review of session 44's merger changes: a hamlet merged while the one it joins is renamed.

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list. The plan
written again merges Bản Cọ into Nà Mòn and names the merged hamlet 'Nà Mòn Mới'
(tests.commune.write_merged_plan). The figures are those of the same months with the merged
hamlet still named Nà Mòn (tests/test_session44_mergers.py): the new name changes none."""

from __future__ import annotations

from tests.commune import new_commune, person, write_merged_plan
from tests.test_session38_oracle import bc_rows, dk_rows, na_mon_rows, run_lists

NEW = "Nà Mòn Mới"


def _april_then_merged(tmp_path):
    """April 2024 run (Nà Mòn its own five, Đồng Kè its list, Bản Cọ nothing), then the plan
    merging Bản Cọ into Nà Mòn renamed ``NEW``; returns (folder, out)."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows()})
    write_merged_plan(folder, NEW)
    return folder, out


def test_silent_all_year_merged_into_a_hamlet_renamed_at_once_is_set_beside_its_start_rows(
    tmp_path,
):
    """April: Nà Mòn sends its own five, Bản Cọ nothing. May: Nà Mòn Mới lists NM1-NM5, BC1
    and BC2 (BC3 left the lists). Session 43's rule for a merged hamlet silent all year looked
    for the hamlet it joined among last month's names: Nà Mòn Mới was not one, so BC1 and BC2
    were new and back, BC3 never said gone. Nà Mòn's April list and Bản Cọ's start list are
    the month's start: poor 5, near-poor 3, BC3 exited."""
    folder, out = _april_then_merged(tmp_path)
    bc1, bc2, _ = bc_rows()
    may = run_lists(folder, out, "2024-05", {NEW: na_mon_rows(bc1, bc2), "Đồng Kè": dk_rows()})[NEW]
    assert may["merged_from"] == ["Bản Cọ"]
    poor, near = may["movements_month"]["poor"], may["movements_month"]["near_poor"]
    assert (poor["start"], poor["new"], poor["returned"], poor["end"]) == (5, 0, 0, 5)
    assert (near["start"], near["exited"], near["end"]) == (3, 1, 2)


def test_the_hamlet_renamed_silent_in_the_merger_month_is_set_beside_both_lists(tmp_path):
    """Session 44's seed 93 with the merged hamlet renamed. April as above; May: Nà Mòn Mới
    sends nothing; June: it lists NM1-NM5, BC1 and BC2. Bản Cọ was named beside Nà Mòn, not
    beside Nà Mòn Mới, so it was not taken as merged: BC1, BC2 new and back in June."""
    folder, out = _april_then_merged(tmp_path)
    run_lists(folder, out, "2024-05", {"Đồng Kè": dk_rows()})
    bc1, bc2, _ = bc_rows()
    june = run_lists(folder, out, "2024-06", {NEW: na_mon_rows(bc1, bc2), "Đồng Kè": dk_rows()})[
        NEW
    ]
    assert june["merged_from"] == ["Bản Cọ"]
    poor, near = june["movements_month"]["poor"], june["movements_month"]["near_poor"]
    assert (poor["start"], poor["new"], poor["returned"], poor["end"]) == (5, 0, 0, 5)
    assert (near["start"], near["exited"], near["end"]) == (3, 1, 2)


def test_a_silent_merged_hamlets_household_on_a_third_list_is_not_back_under_a_new_name(
    tmp_path,
):
    """Session 44's seed 38 with the merged hamlet renamed. April as above; May: Nà Mòn Mới
    sends nothing, Đồng Kè lists BC1. The walk read BC1 under Nà Mòn Mới (the plan's list),
    Nà Mòn's name now, which reported in April without it: back (tái nghèo). No list of Bản Cọ
    lacked it: not back. Since session 59 (A: a hamlet silent last month and now is its latest
    list, or its start list, in the month's baseline) it is moved in from the start list's
    place in the month's table, as in the year's (it was new in the month's table, moved in in
    the year's): one story."""
    folder, out = _april_then_merged(tmp_path)
    may = run_lists(folder, out, "2024-05", {"Đồng Kè": [*dk_rows(), person("BC1", "poor")]})
    for table in ("movements_month", "movements"):
        poor = may["Đồng Kè"][table]["poor"]
        assert (poor["start"], poor["new"], poor["returned"], poor["moved_in"], poor["end"]) == (
            1,
            0,
            0,
            1,
            2,
        ), table


def test_the_hamlet_joined_silent_all_year_merged_into_the_other_renamed(tmp_path):
    """April: Bản Cọ lists BC1 near-poor and BC2 (BC3 left the lists); Nà Mòn sends nothing.
    May: Nà Mòn Mới lists NM1-NM5, BC1, BC2 and BC3 near-poor again. Bản Cọ is taken as
    renamed (its April list is the one Nà Mòn Mới's is set beside); Nà Mòn, silent all year,
    was not found merged into it (not a name April had): start poor 1, near-poor 1, six new and back. The start is
    Nà Mòn's start rows and Bản Cọ's April list: poor 4, near-poor 3, BC3 back."""
    folder, out = new_commune(tmp_path)
    bc = [person("BC1", "near_poor"), person("BC2", "poor")]
    run_lists(folder, out, "2024-04", {"Bản Cọ": bc, "Đồng Kè": dk_rows()})
    write_merged_plan(folder, NEW)
    may = run_lists(folder, out, "2024-05",
                 {NEW: na_mon_rows(*bc, person("BC3", "near_poor")), "Đồng Kè": dk_rows()})[NEW]  # fmt: skip
    poor, near = may["movements_month"]["poor"], may["movements_month"]["near_poor"]
    assert (poor["start"], poor["new"], poor["end"]) == (4, 0, 4)
    assert (near["start"], near["new"], near["returned"], near["end"]) == (3, 1, 1, 4)


def test_silent_all_year_merged_with_one_of_three_on_another_list_is_merged_by_the_plan(
    tmp_path,
):
    """April: Nà Mòn and Đồng Kè send, Bản Cọ nothing. The plan merges Bản Cọ into Nà Mòn;
    May: Nà Mòn lists NM1-NM5, BC2 and BC3, Đồng Kè DK1, DK2 and BC1. The rule for a merged
    hamlet silent all year asked that nearly all (4 in 5) of its households be under the hamlet
    it joined: 1 of 3 on Đồng Kè's list hid the merger, so BC2 and BC3 were new in Nà Mòn and
    BC1 new in Đồng Kè. The plan's start list says the merger however many moved elsewhere
    (session 43's `_merged_by_plan`): Nà Mòn starts from its April list and Bản Cọ's start
    list (poor 5, near-poor 3), BC1 moved out to Đồng Kè."""
    folder, out = new_commune(tmp_path)
    run_lists(folder, out, "2024-04", {"Nà Mòn": na_mon_rows(), "Đồng Kè": dk_rows()})
    write_merged_plan(folder)
    bc1, bc2, bc3 = bc_rows()
    may = run_lists(
        folder, out, "2024-05", {"Nà Mòn": na_mon_rows(bc2, bc3), "Đồng Kè": [*dk_rows(), bc1]}
    )
    assert may["Nà Mòn"]["merged_from"] == ["Bản Cọ"]
    poor, near = (
        may["Nà Mòn"]["movements_month"]["poor"],
        may["Nà Mòn"]["movements_month"]["near_poor"],
    )
    assert (poor["start"], poor["new"], poor["moved_out"], poor["end"]) == (5, 0, 1, 4)
    assert (near["start"], near["new"], near["end"]) == (3, 0, 3)
    dk = may["Đồng Kè"]["movements_month"]["poor"]
    assert (dk["start"], dk["new"], dk["moved_in"], dk["end"]) == (1, 0, 1, 2)
