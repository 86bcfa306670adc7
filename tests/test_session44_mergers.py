"""Hamlets merged by the plan: what session 43 left of the merger oracle (session 44).

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list. The plan
written again merges Bản Cọ into Nà Mòn (tests.commune.write_merged_plan)."""

from __future__ import annotations

from tests.commune import new_commune, person, write_merged_plan
from tests.test_session38_oracle import _bc, _dk, _month, _na_mon


def test_left_the_merged_hamlets_list_while_the_one_it_joined_was_silent_is_back(tmp_path):
    """The merger oracle's hamlet merged into that sent no list all year (seeds 8, 180, ...).
    April is the year's first month: Bản Cọ lists BC1 near-poor and BC2, not BC3 (it left the
    lists); Nà Mòn sends nothing. The plan merges Bản Cọ into Nà Mòn; May's list holds NM1-NM5,
    BC1, BC2 and BC3 near-poor again. The history walk read BC3 on the start list under Nà Mòn
    (the plan's list now), silent in April: not gone, so new in May and not back. It left
    Bản Cọ's April list: new and back (tái nghèo)."""
    folder, out = new_commune(tmp_path)
    bc = [person("BC1", "near_poor"), person("BC2", "poor")]
    _month(folder, out, "2024-04", {"Bản Cọ": bc, "Đồng Kè": _dk()})
    write_merged_plan(folder)
    may = {"Nà Mòn": _na_mon(*bc, person("BC3", "near_poor")), "Đồng Kè": _dk()}
    for _ in range(2):  # the month run again (the kept list rewritten): the same answer
        near = _month(folder, out, "2024-05", may)["Nà Mòn"]["movements_month"]["near_poor"]
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
    _month(folder, out, "2024-04", {"Nà Mòn": _na_mon(), "Đồng Kè": _dk()})
    write_merged_plan(folder)
    bc1, bc2, bc3 = _bc()
    _month(folder, out, "2024-05",
           {"Nà Mòn": _na_mon(bc1, bc2, dict(bc3, nhan_khau=0)), "Đồng Kè": _dk()})  # fmt: skip
    june = _month(folder, out, "2024-06", {"Nà Mòn": _na_mon(*_bc()), "Đồng Kè": _dk()})
    near = june["Nà Mòn"]["movements_month"]["near_poor"]
    # May's list: NM4, NM5 near-poor; BC3 held there, counted again in June
    assert (near["start"], near["new"], near["returned"], near["recounted"], near["end"]) == (
        2, 0, 0, 1, 3,
    )  # fmt: skip
