"""Session 46's review of the session's plan choice and merger changes (docs/decisions.md,
"Session 46: review of the session's plan choice and merger changes").

The small commune (tests.commune): Nà Mòn NM1-NM3 poor, NM4-NM5 near-poor; Bản Cọ BC1, BC2
poor, BC3 near-poor; Đồng Kè DK1 poor, DK2 near-poor, on the plan's start list."""

from __future__ import annotations

from tests.commune import new_commune, person, write_merged_plan
from tests.test_session38_oracle import _bc, _dk, _month, _na_mon


def test_merged_by_the_plan_with_most_of_its_households_gone_from_the_lists(tmp_path):
    """Bản Cọ sends March's list (BC1, BC2, BC4 poor; BC3, BC5 near-poor) and nothing in
    April; the plan merges it into Nà Mòn. In May BC2 is on Đồng Kè's list and the four others
    on no list. Of the old list's households still listed (BC2 alone), none is on Nà Mòn's list,
    so the plan's merger was not believed: Nà Mòn was set beside its April list alone, BC2 new
    in Đồng Kè, and BC1, BC3, BC4, BC5 left the commune's table without being said exited (the
    commune's May start 4 poor, where all five gone gave 7). One household of five cannot say
    the plan is wrong: under half of the old list still listed, the plan's merger stands."""
    folder, out = new_commune(tmp_path)
    bc = [*_bc(), person("BC4", "poor"), person("BC5", "near_poor")]
    _month(folder, out, "2024-03", {"Nà Mòn": _na_mon(), "Bản Cọ": bc, "Đồng Kè": _dk()})
    _month(folder, out, "2024-04", {"Nà Mòn": _na_mon(), "Đồng Kè": _dk()})
    write_merged_plan(folder)
    by_name = _month(folder, out, "2024-05", {"Nà Mòn": _na_mon(), "Đồng Kè": [*_dk(), bc[1]]})
    na_mon = by_name["Nà Mòn"]
    assert (na_mon["movements_month_from"], na_mon.get("merged_from")) == ("2024-03", ["Bản Cọ"])
    poor, near = na_mon["movements_month"]["poor"], na_mon["movements_month"]["near_poor"]
    # NM1-NM3 (April), BC1, BC2, BC4 (March): BC2 moved to Đồng Kè, BC1 and BC4 left the lists
    assert (poor["start"], poor["moved_out"], poor["exited"], poor["new"], poor["end"]) == (
        6, 1, 2, 0, 3)  # fmt: skip
    # NM4, NM5 (April), BC3, BC5 (March): both left the lists
    assert (near["start"], near["exited"], near["end"]) == (4, 2, 2)
    poor = by_name["Đồng Kè"]["movements_month"]["poor"]
    assert (poor["start"], poor["moved_in"], poor["new"], poor["end"]) == (1, 1, 0, 2)
